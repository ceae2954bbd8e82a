/**
 * Faults on local operating-system processes: pause (SIGSTOP, resumed with SIGCONT) and kill. Only
 * processes registered in {@link org.daysofchaos.agents.process.LocalProcesses} can be targeted; a
 * process is never looked up by a name the scenario invents.
 */
package org.daysofchaos.agents.process;
