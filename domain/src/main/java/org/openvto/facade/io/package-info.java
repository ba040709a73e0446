/**
 * The façade's hardware as the domain sees it: one small interface per kind of output ({@link
 * org.openvto.facade.io.LockRelay}, {@link org.openvto.facade.io.FacadeOutputs}), the {@link
 * org.openvto.facade.io.FacadeInputs} every driver reports to, module status instead of exceptions, and the typed
 * {@link org.openvto.facade.io.FacadeEvent}s on the bus. The drivers (simulated, Linux GPIO, Wiegand, HID input)
 * live in the {@code hardware} module. Domain layer: depends only on the JDK and {@code common}.
 */
package org.openvto.facade.io;
