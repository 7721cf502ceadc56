/** Whether a process with this PID exists (signal 0 checks without sending; EPERM: it exists, not ours). */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
