// Help: a short guide for each screen (the Help drawer) and the page «How a campaign goes». English.
// Every screen's guide: a lead paragraph, the steps in order, and notes on common messages — 3 to 8 in all.
export default {
  button: 'Help',
  buttonHint: 'Help for this screen',
  nav: 'How a campaign goes',
  stepsTitle: 'What to do',
  notesTitle: 'Messages and tips',
  guideLink: 'How a campaign goes — every step in order',
  print: 'Print',
  screens: {
    schools: {
      title: 'School registry',
      lead: 'The list of every school in the district. The program makes the report templates from it and knows from it who has to report. Start here. Until the first steps are done, a «Where to start» list above the registry shows them — settings, registry, campaign, templates — ticking each one done.',
      steps: [
        'The first time, load the registry from Excel: «Import registry (.xlsx)». If you have no list yet, click «Download empty registry template», fill it in and load it.',
        'Add a single school with «Add school». The BIN and the name are required; the phone and e-mail help when you send out the templates.',
        'Find a school by its BIN, name, locality or director. To correct its details, click «Edit».',
        'When a school closes, click «Close». It stays in the registry with its earlier reports, but gets no template and is not expected to report. «Reopen» brings it back.',
      ],
      notes: [
        '«The BIN fails its check digit» — the number has a typo. Compare the 12 digits with the school\'s documents.',
        '«A school with BIN … is already in the registry» — the school was added before. Find it with the search and click «Edit».',
        'A registry import lists every bad row by its number. Correct them in the file and load it again: the good rows are already in and are only updated the second time.',
      ],
    },
    campaigns: {
      title: 'Campaigns',
      lead: 'A campaign is one action in one year: «Zabota» (January–February) or the NIK «12 days» (June). Each has its own dates, plan, templates and school reports.',
      steps: [
        'Choose the kind and the year and click «Create campaign». The program sets the dates and the hashtag by the usual calendar.',
        'Check the dates in the table. If the region set other dates this year, click «Dates, hashtag, form» and correct them.',
        'Open the campaign by clicking its title: everything else happens on its tabs.',
      ],
      notes: [
        '«Campaign … already exists» — this kind of campaign for this year is already in the list. Open it.',
        'The NIK hashtag is made of the year and the region\'s code (#НИК2025_09). If the region\'s code is empty, fill it in under «Settings» first.',
      ],
    },
    overview: {
      title: 'Campaign overview',
      lead: 'One page showing how the collection is going: how many schools have reported, who was late or is correcting a file, who has not reported yet, and which numbers deserve a second look.',
      steps: [
        'The cards at the top: «Reported» (on time and late), «Under revision», «Schools with a rejected file» and the days left until the schools\' due date. On time means the school\'s first accepted report came in by that date.',
        '«Reports received per day» shows how the reports came in. In «An indicator by school» choose a row of the form and compare the schools.',
        'In the «Not reported» list click «Reminder»: the program writes the text in Russian and Kazakh. Send it to the schools by WhatsApp or e-mail.',
        'Go through the «Values worth a second look»: far from the district\'s average, or far from the same school\'s figure last year.',
        'The overview can be printed for the head of the department: the «Print» button.',
      ],
      notes: [
        'Such a value is not an error: the report is accepted and in the summary. Call the school; if it is a typo, ask for a corrected file or enter the report by hand on the «Import» tab.',
        '«Under revision» — schools whose latest file you returned for revision: wait for the corrected one. «Schools with a rejected file» — the school\'s latest file was rejected: click the card to see the reasons and return the file for revision. Files in which no school was recognised are listed there too: if one is not a report (a PDF, the registry, another campaign\'s file), click «Dismiss» — it stays in the import history marked «dismissed».',
      ],
    },
    templates: {
      title: 'Templates for schools',
      lead: 'Here the program makes one Excel file per active school, with the school\'s name and BIN, the dates and the form\'s rows already in. The school fills in only the «Value» column.',
      steps: [
        'First check the school registry and the district settings: they are printed on the template.',
        'Click «Make templates (.xlsx)». The program saves every school\'s file (in the browser, as one .zip).',
        'Send each school its own file by WhatsApp or e-mail. Ask them to change nothing in the table, not to copy it into a new file, and to send the file back as .xlsx.',
        'If a school joined the registry after you sent them out, make the templates again — the files already sent stay valid.',
        'To a school not in the registry, send the «Blank form for a school not in the registry»: it writes its own name and BIN.',
      ],
      notes: ['«The registry has no active school» — add the schools on the «Schools» screen first.'],
    },
    import: {
      title: 'Importing reports',
      lead: 'Load the files the schools sent back. The program recognises the school and the form, checks every number and every rule, and tells you at once what is wrong.',
      steps: [
        'Save the files you received in one folder. Drop the files or the whole folder here, or click «Choose a folder».',
        'When in doubt, tick «Check only» first: the files are checked but nothing is stored. Then untick it and load them again.',
        'Read each file\'s outcome: «Accepted», «Accepted with warnings», «Rejected» or «Duplicate» (the same file was loaded before and is not stored twice). A school\'s newer file replaces its earlier report; the old one stays in the history.',
        'Send a rejected or doubtful file back: in «Import history» click «Return for revision» and send the ready text in Russian and Kazakh by WhatsApp or e-mail.',
        'When a school dictates its report by phone or hands it in on paper, click «Enter by hand». When entering by hand, a broken rule is shown beside every row it names and the form scrolls to the first. Type numbers as you are used to: «95 000», «1 234,50».',
      ],
      notes: [
        '«Rejected»: the message names the sheet, the cell and the row code. A file that is not Excel (a PDF, a photo, a Word document), last year\'s template, another district\'s template or a password-protected file each gets its own message saying what to ask the school for. A file\'s problems all show at once: bad cells and broken rules alike. A broken rule is said in words, each row with its code, label and value («Z03 «из них возвращено в школу» (5) cannot be greater than Z02 «…» (2)»), an empty cell as «blank». A rule over a cell that could not be read is not checked, and a warning says so. A dash «—» reads as 0, and «450 чел.» or «1 500 000 тг» as the number, each with a warning. «1,5 млн», «нет» and «1.450» in a count are refused, and the message says what to write. Columns a school added (such as «Ед. изм.») do no harm: table columns are found by their captions.',
        '«No school with BIN … in the registry» — click «Add the school and import again»: the school\'s details are filled in from the file. «The file names two different schools» — a school filled in another school\'s template and typed its own BIN or name into the header; the report was stored under neither. Ask the school whose report it is and click «Accept as the report of …» (here or in the import history): the accepted file shows that the specialist chose the school, and who did. When the file has several sheets with the form and they differ, ask the school to keep one; a filled copy beside an empty issued sheet is read with a warning.',
      ],
    },
    summary: {
      title: 'District summary',
      lead: 'The summary adds up every school\'s latest accepted report: the district total of each row of the form, a table by school, the plan\'s execution and who has not reported.',
      steps: [
        'At the top: how many schools should report, how many did and how many did not. The list of those missing is at the bottom: call them before the due date.',
        'Check «Form rules checked on the district totals». If one fails, find the school that breaks it in the «By school» table and ask it.',
        'Look through the «By school» table: a number that is too large or odd is better checked now than after it went to the region. To see only the sums in tenge, choose «Sums (tenge)» above the table.',
        'When everything is checked, click «Export for the region (.xlsx)» and send the file to the regional education department.',
      ],
      notes: [
        'An empty cell in the table by school means the school left that row blank. It is not zero.',
        'A row noted «This row exists only in version … of the form» — some schools reported on an older version of the form. Their reports are still in the summary.',
        'After a school sent a corrected file and you loaded it, click «Refresh».',
      ],
    },
    plan: {
      title: 'Plan of activities',
      lead: 'The campaign\'s plan: sections and items with deadlines and executors. A new campaign comes with a ready plan. Check it and adapt it to the district before sending the templates — the items for schools go into their templates.',
      steps: [
        'Check the «Plan header»: the title, the approval date, the motto and the purpose.',
        'Open an item to change its text in both languages, its deadline and its executors. Below, the program shows how it understood the deadline and the executors.',
        'An item with schools among its executors is handed to every active school or to the schools chosen. Such items go into the school\'s template, in its «Plan execution» part.',
        'If the district\'s plan is already in Excel, load it with «Load plan from Excel». Download the finished plan with «Download plan (.xlsx)» — in Kazakh, Russian or both — and have it signed.',
      ],
      notes: [
        '«deadline not understood» — the program cannot tell when the item is overdue. Write the deadline, for example, as «1–12 июня», «до 30 мая», «постоянно».',
        'An item schools have reported on cannot be deleted, and a plan with reports cannot be replaced by loading Excel: edit it item by item.',
      ],
    },
    execution: {
      title: 'Plan execution',
      lead: 'How the plan is carried out: for each item, how many of the schools it was handed to did it, how many events were held and how many took part.',
      steps: [
        'The schools\' data arrives by itself from the «Plan execution» part of their reports when you load the files on the «Import» tab.',
        'Click the arrow beside an item to see the schools. If a school told you by phone or on paper, enter its answer by hand.',
        'Mark the department\'s own items (no schools among the executors) yourself: the status and what was done.',
        'At the end of the campaign click «Final report (.xlsx)» — the report on the plan\'s execution for the region.',
      ],
      notes: [
        'An item in red marked «overdue» is past its deadline and not yet done by everyone. Remind the schools or record what was done.',
        'When a school has both an entry by hand and data from a report, the newer one counts.',
      ],
    },
    forms: {
      title: 'Report forms',
      lead: 'A form is the report\'s rows, their codes, types and rules. The program comes with the «Zabota» and NIK forms. Each form is kept in versions.',
      steps: [
        'Usually nothing needs changing here: a new campaign takes the newest version of its form.',
        'If the region changed the form, click «Make a copy» beside the current version. A new version appears that you can edit.',
        'Open the new version, make the changes and save. Then, in the campaign, click «Dates, hashtag, form» and choose that version.',
        'To give a form to another district, click «Export (JSON)». The file is loaded there with «Import form (.jinaq-form.json)».',
      ],
      notes: [
        '«in use — frozen»: reports were collected with this version. It cannot change, so that those reports read as before. Make a copy.',
        '«This form is already here» — nothing was added by the import: you have this form already.',
      ],
    },
    formEditor: {
      title: 'Form editor',
      lead: 'Here one version of a form is edited: its title, sections, rows, rules and tables. A built-in version, or one reports were collected with, can only be viewed.',
      steps: [
        'Rows: each has a code (for example Z35), a label in Russian and in Kazakh, a type, a unit and a «Required» mark. The template lists the rows in this order.',
        'Rules compare rows: «Z03 <= Z02», «Z30 = Z31 + Z32». A broken rule of level «error» rejects the report; a «warning» only marks it.',
        'The program checks the form as you type and lists what is wrong under «Problems of the form». While there is one, the form cannot be saved.',
        'Click «Save». Then move the campaign to this version: «Dates, hashtag, form».',
      ],
      notes: [
        'A row\'s type cannot change: reports of different versions are summed by code. Give a new indicator a new code.',
        'Leaving without saving asks first: unsaved changes are lost.',
      ],
    },
    settings: {
      title: 'Settings',
      lead: 'The district and its education department. They are printed on the templates, the plan and the summary, so fill them in before the first campaign.',
      steps: [
        'Write the district\'s (town\'s) and the region\'s names in Russian and Kazakh.',
        'Enter the region\'s code — two digits, for example 09. It is part of the NIK hashtag: #НИК2025_09.',
        'Write the department\'s full name in both languages and the head\'s surname and initials: they appear in the approval block and under the signature.',
        'Click «Save».',
      ],
      notes: [
        'Only new campaigns get a new region code. Correct an existing campaign\'s hashtag in the campaign itself: «Dates, hashtag, form».',
        'Backups (at the bottom of the screen): the app copies the database itself every day and before an update. Once a week click «Back up now» and save the copy to a USB stick. «Restore» replaces all data with the copy\'s; the current database is kept in the backup folder first. A file changed by another program (an extra trigger, view or table, a table missing) is refused, and nothing is changed.',
      ],
    },
    help: {
      title: 'Help',
      lead: 'This page walks through a whole campaign step by step: from the settings to the workbook for the region and the next year.',
      steps: [
        'The «Help» button at the top of every screen opens a short guide to that screen.',
        'The page can be printed: the «Print» button or Ctrl+P. The menu and buttons are left off the paper.',
      ],
      notes: ['The help is in Kazakh, Russian and English: switch the language at the top right.'],
    },
  },
  guide: {
    title: 'How a campaign goes',
    intro: 'Every year, for «Zabota» and for the NIK alike, the work goes in the same order. Take the steps one after another; every screen has its own help (the «Help» button at the top).',
    steps: [
      {
        title: 'Settings',
        text: 'Once: the district\'s and the region\'s names in both languages, the region\'s code, the education department\'s name and its head. All of it is printed on the templates, the plan and the summary.',
      },
      {
        title: 'School registry',
        text: 'Load the list of schools from Excel or add them one by one. Check the BINs, phones and e-mails. Mark closed schools with «Close» — they need no template.',
      },
      {
        title: 'Create the campaign',
        text: 'In «Campaigns» choose the kind and the year and click «Create campaign». The dates and the hashtag are set for you; if the region set other dates, correct them.',
      },
      {
        title: 'Check the plan',
        text: 'On the «Plan» tab check the activities, deadlines and executors, the header and the approval date. Download the plan and have it signed. The items for schools go into their templates, so the plan is checked before they are sent.',
      },
      {
        title: 'Templates to the schools',
        text: 'On the «Templates» tab make the files and send each school its own by WhatsApp or e-mail. Remind them of the due date and ask for the same file back as .xlsx, with nothing changed in the table.',
      },
      {
        title: 'Collect and import',
        text: 'Keep the files you receive in one folder. On the «Import» tab tick «Check only» first and load the whole folder: nothing is stored, but the bad files show at once. Send bad files (a PDF, a photo, an old template, errors in cells) back with «Return for revision» and paste the ready text in both languages into WhatsApp. Then untick «Check only» and load the files again — this time they are stored.',
      },
      {
        title: 'Check the summary',
        text: 'On the «Summary» tab check the form\'s rules on the district totals. On the «Overview» tab see who has not reported or reported late, and the values far from the other schools or from last year. Ask the school about any doubtful number.',
      },
      {
        title: 'Export for the region',
        text: 'Click «Export for the region (.xlsx)» and send the file to the regional education department by the district\'s due date. Export the plan\'s execution on the «Plan execution» tab: «Final report (.xlsx)».',
      },
      {
        title: 'Next year',
        text: 'Create a new campaign for the new year: last year\'s reports stay and serve for comparison. If the region changed the form, make a copy of it (a new version) under «Forms», edit it and choose it in the campaign: «Dates, hashtag, form». Older reports are still read with their own version.',
      },
    ],
  },
} as const;
