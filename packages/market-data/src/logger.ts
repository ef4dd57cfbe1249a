/** Progress and warnings of the providers; the host decides where they go (stderr, a file, nowhere). */
export type MarketDataLogger = (level: "debug" | "info" | "warn", message: string) => void;

export const silentLogger: MarketDataLogger = () => {};
