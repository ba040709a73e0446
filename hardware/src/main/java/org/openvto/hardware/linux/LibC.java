package org.openvto.hardware.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/**
 * The few libc calls the GPIO character device needs (JNA: Java 21 has the FFM API only as a preview). Each throws
 * {@link LastErrorException} carrying errno when the call fails. Arrays are copied in and back out by JNA, so an
 * ioctl's result fields (the request's {@code fd}) appear in the Java array.
 */
interface LibC extends Library {
    int O_RDWR = 2;
    int O_CLOEXEC = 0x80000; // 02000000 on x86, ARM, arm64, RISC-V
    short POLLIN = 0x1;
    short POLLERR = 0x8;
    short POLLHUP = 0x10;
    short POLLNVAL = 0x20;
    int EINTR = 4;

    int open(String path, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    /** {@code ioctl(fd, request, arg)}; {@code request} is an unsigned long in C, the kernel uses its low 32 bits. */
    int ioctl(int fd, NativeLong request, byte[] arg) throws LastErrorException;

    NativeLong read(int fd, byte[] buffer, NativeLong count) throws LastErrorException;

    /** {@code fds}: {@code struct pollfd[]}, each {@code int fd; short events; short revents} (8 bytes). */
    int poll(byte[] fds, NativeLong count, int timeoutMillis) throws LastErrorException;

    /** Loaded on first use, so the pure parts of this package never load native code. */
    final class Holder {
        static final LibC INSTANCE = Native.load("c", LibC.class);

        private Holder() {}
    }
}
