// Texts of the screens. Kazakh.
export default {
  appName: 'Жинақ',
} as const;
