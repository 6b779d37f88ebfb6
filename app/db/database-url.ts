/** Which database a DATABASE_URL names: postgresql:// (or postgres://) is PostgreSQL, the rest SQLite. */
export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);
