/**
 * The drivers of the façade's modules, behind the domain's interfaces in {@code org.openvto.facade.io}: every
 * driver reports its inputs to {@code FacadeInputs} and its status instead of throwing. {@code .simulated} holds
 * the drivers a PC runs (operated from the virtual façade page); {@code .linux} the drivers of a single-board
 * computer (GPIO character device, Wiegand reader, HID input device), whose system calls sit behind narrow seams
 * so their logic is tested against fakes that replay kernel timestamps.
 */
package org.openvto.hardware;
