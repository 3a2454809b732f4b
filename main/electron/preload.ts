// The page's only door to the main process: one `invoke(name, input)` over one IPC channel.
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('jinaq', {
  invoke: (name: string, input: unknown) => ipcRenderer.invoke('jinaq:api', name, input),
});
