/** The running version, from the root package.json at build time. */
export const VERSION: string = process.env.ZHOUBAO_VERSION ?? '0.1.0';
