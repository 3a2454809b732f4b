// Texts of the screens. Russian.
export default {
  appName: 'Жинақ',
} as const;
