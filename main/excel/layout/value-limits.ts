/** The most characters a text row of a form may hold, unless the form says less. */
export const TEXT_LIMIT = 2000;
