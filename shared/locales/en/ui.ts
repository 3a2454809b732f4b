// Texts of the screens. English.
export default {
  appName: 'Jinaq',
} as const;
