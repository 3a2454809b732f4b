// The few web-platform globals that both of shared's runtimes have (Node 24 and the browser) and shared code uses.
// shared/ compiles with neither DOM nor Node types, so whatever it needs from them is declared here, narrowly.

interface URL {
  readonly protocol: string;
  readonly hostname: string;
}

declare var URL: {
  new (url: string, base?: string): URL;
};
