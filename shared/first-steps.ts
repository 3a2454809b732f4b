/**
 * The first start's checklist: the district's names in the settings, at least one school in the registry, a
 * campaign, and its templates saved for the schools (noted when 'exports.templates' saved or downloaded them).
 */
export const FIRST_STEPS = ['settings', 'registry', 'campaign', 'templates'] as const;
export type FirstStep = (typeof FIRST_STEPS)[number];
export type FirstSteps = Record<FirstStep, boolean>;
