// The reminder to the schools that have not reported: both languages, every school named, the campaign, the due date,
// the department signing it, and no placeholder left unfilled.
import { describe, expect, it } from 'vitest';
import { tFor } from '../../shared/i18n.ts';
import { reminderText, type ReminderFacts } from '../../shared/reminders.ts';

const RU: ReminderFacts = {
  campaignTitle: 'Республиканская акция «Забота»',
  schools: ['КГУ «Школа-гимназия № 1»', 'КГУ «Общеобразовательная школа № 7»'],
  dueDate: '12.02.2026',
  overdue: false,
  department: 'ГУ «Отдел образования города Шахтинска»',
};

const KK: ReminderFacts = {
  campaignTitle: '«Қамқорлық» республикалық акциясы',
  schools: ['№ 1 мектеп-гимназиясы КММ', '№ 7 жалпы білім беретін мектебі КММ'],
  dueDate: '12.02.2026',
  overdue: false,
  department: '«Шахтинск қаласының білім бөлімі» ММ',
};

describe('reminderText', () => {
  it('writes the Russian reminder: greeting, campaign, due date, the schools numbered, the department last', () => {
    const text = reminderText(tFor('ru'), RU);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Уважаемые коллеги!');
    expect(text).toContain('Напоминаем: отчёт «Республиканская акция „Забота“» нужно сдать до 12.02.2026.');
    expect(text).toContain('Пока не сдали отчёт:\n1. КГУ «Школа-гимназия № 1»\n2. КГУ «Общеобразовательная школа № 7»');
    expect(text).toContain('Пожалуйста, заполните шаблон');
    expect(lines.at(-1)).toBe('ГУ «Отдел образования города Шахтинска»');
    expect(text).not.toMatch(/\{\{|\}\}|messages\./);
  });

  it('writes the Kazakh reminder with the Kazakh names', () => {
    const text = reminderText(tFor('kk'), KK);
    expect(text.split('\n')[0]).toBe('Құрметті әріптестер!');
    expect(text).toContain('Еске саламыз: «„Қамқорлық“ республикалық акциясы» есебін 12.02.2026 дейін тапсыру қажет.');
    expect(text).toContain('Есебін әлі тапсырмаған мектептер:\n1. № 1 мектеп-гимназиясы КММ\n2. № 7 жалпы білім беретін мектебі КММ');
    expect(text).toContain('жіберуіңізді сұраймыз');
    expect(text.split('\n').at(-1)).toBe('«Шахтинск қаласының білім бөлімі» ММ');
    expect(text).not.toMatch(/\{\{|\}\}|messages\./);
  });

  it('says the due date has passed and asks for the report at once when overdue', () => {
    const ru = reminderText(tFor('ru'), { ...RU, overdue: true });
    expect(ru).toContain('Срок сдачи отчёта «Республиканская акция „Забота“» истёк 12.02.2026.');
    expect(ru).toContain('как можно скорее');
    expect(ru).not.toContain('Напоминаем');
    const kk = reminderText(tFor('kk'), { ...KK, overdue: true });
    expect(kk).toContain('есебін тапсыру мерзімі 12.02.2026 аяқталды.');
    expect(kk).toContain('мүмкіндігінше тезірек');
  });

  it('leaves out an empty department and an empty list, and fills every placeholder in every language', () => {
    for (const lng of ['ru', 'kk', 'en'] as const) {
      for (const overdue of [false, true]) {
        const text = reminderText(tFor(lng), { ...RU, schools: [], department: '  ', overdue });
        expect(text).not.toMatch(/\{\{|\}\}|messages\.|\n\n\n/);
        expect(text).toContain('12.02.2026');
        expect(text).not.toMatch(/^1\. /m);
        expect(text.endsWith(tFor(lng)('messages.reminder.thanks'))).toBe(true);
      }
    }
  });
});
