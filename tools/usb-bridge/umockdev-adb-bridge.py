#!/usr/bin/python3
"""Serves an emulated Android phone's ADB USB interface to a libusb program, backed by a TCP phone.

umockdev (Debian `umockdev`, `gir1.2-umockdev-1.0`, `python3-gi`) builds a sandboxed /sys and
/dev in which a USB device exists: a composite MTP + ADB phone (ADB is interface 1, class 0xFF
subclass 0x42 protocol 0x01, bulk OUT 0x01 and IN 0x81 with wMaxPacketSize 512). The program
under test runs with libumockdev-preload, so its libusb sees only that device, and every usbfs
ioctl on /dev/bus/usb/001/002 comes here over umockdev's ioctl socket:

  * control URBs answer GET_DESCRIPTOR (the serial and product strings);
  * bulk OUT URBs carry the host's packets: they are forwarded to a device-protocol peer over
    TCP (the virtual phone: `swift run virtual-phone --port P`, or adbd after `adb tcpip`);
  * bulk IN URBs are filled with what the peer sends, shaped as adbd writes it: the 24-byte
    header as its own transfer, then the payload in 16 KiB writes, cut into 512-byte packets.
    A host read ends at a short packet or when its buffer is full; a packet that does not fit
    a buffer that is not a multiple of 512 is an overflow (-EOVERFLOW), as on real hardware.

The bridge checks the host's framing as adbd would suffer it (AOSP `docs/dev/
zero_length_packet.md`): the header must be a transfer of exactly 24 bytes, the payload its own
transfers, and a payload whose length is a non-zero multiple of 512 must be followed by a
zero-length packet. Violations are printed, and the exit status is 3 if any occurred.

Usage:
  umockdev-adb-bridge.py --phone 127.0.0.1:5555 [--serial S] [--busy] [--plug-after SECONDS]
                         [--unplug-after SECONDS] -- PROGRAM [ARGS...]

PROGRAM runs in the sandbox (UMOCKDEV_DIR, LD_PRELOAD=libumockdev-preload.so.0): preloading works
only from a process's start, so the bridge starts the program rather than the other way round,
and it re-executes itself under the same library first, because umockdev's Testbed reads the
sandboxed /sys through it. PROGRAM is killed if the bridge dies. The bridge exits with PROGRAM's
status (128 + N after signal N), or 3 if there were framing violations. `--busy` makes
CLAIMINTERFACE fail with EBUSY (another process holds the interface). `--plug-after` adds the
phone that many seconds after PROGRAM starts (with an `add` uevent) instead of before;
`--unplug-after` removes it (a `remove` uevent; later ioctls fail with ENODEV).
Set UMOCKDEV_BRIDGE_DEBUG=1 to trace every ioctl on stderr.
"""

import argparse
import ctypes
import errno
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys

import gi

gi.require_version("UMockdev", "1.0")
from gi.repository import GLib, UMockdev  # noqa: E402

DEBUG = os.environ.get("UMOCKDEV_BRIDGE_DEBUG") == "1"

# --- usbfs ABI (linux/usbdevice_fs.h), x86_64/aarch64 layout ------------------------------


def _ioc(direction, number, size):
    return (direction << 30) | (size << 16) | (ord("U") << 8) | number


_NONE, _WRITE, _READ = 0, 1, 2
USBDEVFS_SETINTERFACE = _ioc(_READ, 4, 8)
USBDEVFS_SETCONFIGURATION = _ioc(_READ, 5, 4)
USBDEVFS_GETDRIVER = _ioc(_WRITE, 8, 260)
USBDEVFS_SUBMITURB = _ioc(_READ, 10, 56)
USBDEVFS_DISCARDURB = _ioc(_NONE, 11, 0)
USBDEVFS_REAPURB = _ioc(_WRITE, 12, 8)
USBDEVFS_REAPURBNDELAY = _ioc(_WRITE, 13, 8)
USBDEVFS_CLAIMINTERFACE = _ioc(_READ, 15, 4)
USBDEVFS_RELEASEINTERFACE = _ioc(_READ, 16, 4)
USBDEVFS_CONNECTINFO = _ioc(_WRITE, 17, 8)
USBDEVFS_IOCTL = _ioc(_READ | _WRITE, 18, 16)
USBDEVFS_RESET = _ioc(_NONE, 20, 0)
USBDEVFS_CLEAR_HALT = _ioc(_READ, 21, 4)
USBDEVFS_GET_CAPABILITIES = _ioc(_READ, 26, 4)
USBDEVFS_DISCONNECT_CLAIM = _ioc(_READ, 27, 264)
USBDEVFS_DROP_PRIVILEGES = _ioc(_WRITE, 30, 4)
USBDEVFS_GET_SPEED = _ioc(_NONE, 31, 0)

CAP_ZERO_PACKET, CAP_BULK_CONTINUATION, CAP_NO_PACKET_SIZE_LIM = 0x01, 0x02, 0x04
CAP_REAP_AFTER_DISCONNECT = 0x10
URB_TYPE_CONTROL, URB_TYPE_BULK = 2, 3
URB = struct.Struct("<BBxxiI4xQiiiiiIQ")  # struct usbdevfs_urb, 56 bytes
URB_STATUS_OFFSET, URB_ACTUAL_LENGTH_OFFSET, URB_BUFFER_OFFSET = 4, 28, 16
USB_SPEED_HIGH = 3
PR_SET_PDEATHSIG = 1  # linux/prctl.h

# --- The emulated phone ---------------------------------------------------------------------

VENDOR, PRODUCT = 0x18D1, 0x4EE7  # Google, "Pixel (MTP + debug)"
BUS, ADDRESS, PORT = 1, 2, 1  # /dev/bus/usb/001/002, sysfs 1-1: path usb:1-1
MAX_PACKET = 512  # high speed bulk
OUT_EP, IN_EP = 0x01, 0x81
DEVICE_WRITE_SIZE = 16 * 1024  # adbd writes payloads in 16 KiB pieces
HEADER_SIZE = 24


def device_descriptor():
    return struct.pack("<BBHBBBBHHHBBBB", 18, 1, 0x0200, 0, 0, 0, 64, VENDOR, PRODUCT, 0x0440, 1, 2, 3, 1)


def configuration_descriptor():
    def interface(number, endpoints, cls, subclass, protocol):
        return struct.pack("<BBBBBBBBB", 9, 4, number, 0, endpoints, cls, subclass, protocol, 0)

    def endpoint(address, attributes=2, size=MAX_PACKET):
        return struct.pack("<BBBBHB", 7, 5, address, attributes, size, 0)

    # Interface 0 is MTP (class 6/1/1) so that finding ADB needs a walk over the interfaces.
    body = (
        interface(0, 3, 0x06, 0x01, 0x01) + endpoint(0x82) + endpoint(0x02) + endpoint(0x83, 3, 28)
        + interface(1, 2, 0xFF, 0x42, 0x01) + endpoint(OUT_EP) + endpoint(IN_EP)
    )
    return struct.pack("<BBHBBBBB", 9, 2, 9 + len(body), 2, 1, 0, 0x80, 250) + body


def string_descriptor(text):
    encoded = text.encode("utf-16-le")
    return bytes([2 + len(encoded), 3]) + encoded


def log(message):
    print(f"umockdev-adb-bridge: {message}", file=sys.stderr, flush=True)


# --- Framing as adbd sees it ------------------------------------------------------------------


class HostFramingCheck:
    """Follows the host's OUT transfers as adbd reads them and records rule violations."""

    def __init__(self):
        self.violations = []
        self.new_session()

    def new_session(self):
        self.payload_left = 0
        self.payload_total = 0
        self.expect_zlp = False

    def transfer(self, data):
        if self.expect_zlp:
            self.expect_zlp = False
            if len(data) == 0:
                return
            self.violations.append("payload of a multiple of 512 bytes not followed by a zero-length packet")
        if len(data) == 0:
            if self.payload_left == 0:
                self.violations.append("zero-length packet where adbd expects a header")
            return
        if self.payload_left == 0:
            if len(data) != HEADER_SIZE:
                self.violations.append(f"header transfer of {len(data)} bytes (must be 24)")
                return
            length = struct.unpack_from("<I", data, 12)[0]
            self.payload_left = length
            self.payload_total = length
            return
        if len(data) > self.payload_left:
            self.violations.append(f"payload transfer of {len(data)} bytes, only {self.payload_left} declared")
            self.payload_left = 0
            return
        self.payload_left -= len(data)
        if self.payload_left == 0 and self.payload_total % MAX_PACKET == 0:
            self.expect_zlp = True


class DeviceOutput:
    """Splits the peer's byte stream into packets and those into the USB packets adbd would send."""

    def __init__(self):
        self.pending = b""
        self.packets = []  # (bytes, is the end of a transfer)

    def feed(self, data):
        self.pending += data
        while len(self.pending) >= HEADER_SIZE:
            length = struct.unpack_from("<I", self.pending, 12)[0]
            if len(self.pending) < HEADER_SIZE + length:
                return
            header, payload = self.pending[:HEADER_SIZE], self.pending[HEADER_SIZE : HEADER_SIZE + length]
            self.pending = self.pending[HEADER_SIZE + length :]
            self._transfer(header)
            for start in range(0, length, DEVICE_WRITE_SIZE):
                self._transfer(payload[start : start + DEVICE_WRITE_SIZE])

    def _transfer(self, data):
        for start in range(0, len(data), MAX_PACKET):
            self.packets.append(data[start : start + MAX_PACKET])


# --- usbfs emulation ----------------------------------------------------------------------------


class Urb:
    def __init__(self, data, buffer):
        self.data = data  # UMockdev.IoctlData of the struct
        self.buffer = buffer  # UMockdev.IoctlData of the buffer (None when empty)
        fields = URB.unpack(bytes(data.retrieve())[: URB.size])
        self.type, self.endpoint, self.length = fields[0], fields[1], fields[5]
        self.address = data.client_addr

    def payload(self):
        return bytes(self.buffer.retrieve())[: self.length] if self.buffer else b""

    def finish(self, status, received=b"", actual=None):
        if received:
            self.buffer.update(0, received)
        self.data.update(URB_STATUS_OFFSET, struct.pack("<i", status))
        count = len(received) if actual is None else actual
        self.data.update(URB_ACTUAL_LENGTH_OFFSET, struct.pack("<i", count))


class ClientState:
    """The URBs of one open() of the device node: usbfs keeps them per file descriptor."""

    def __init__(self):
        self.in_flight = []  # IN URBs waiting for device data
        self.reapable = []
        self.held_reap = None  # GLib source of a REAPURBNDELAY that will be answered later


# libusb polls the device node, which umockdev backs with a file that is always ready, and
# reaps until EAGAIN: an immediate EAGAIN while a read is pending makes it spin. The answer is
# held this long instead, or until an URB completes.
REAP_HOLD_MS = 5
HELD = object()


class AdbUsbDevice(UMockdev.IoctlBase):
    def __init__(self, bridge):
        super().__init__()
        self.bridge = bridge
        self.clients = {}  # UMockdev.IoctlClient -> ClientState
        self.counts = {"ioctl": 0, "empty reap": 0, "bulk out": 0, "zero-length out": 0, "bulk in": 0}

    def state(self, client):
        return self.clients.setdefault(client, ClientState())

    def do_client_vanished(self, client):
        state = self.clients.pop(client, None)
        if state is not None and state.held_reap is not None:
            GLib.source_remove(state.held_reap)
        self.bridge.client_closed(client)

    # Called by umockdev for each ioctl of the program on /dev/bus/usb/001/002.
    def do_handle_ioctl(self, client):
        request = client.get_request()
        try:
            answer = self.ioctl(client, request)
        except Exception as failure:  # report instead of hanging the program
            log(f"ioctl 0x{request:x} failed: {failure!r}")
            answer = (-1, errno.EIO)
        if answer is HELD:
            return True
        if DEBUG and request not in (USBDEVFS_REAPURBNDELAY, USBDEVFS_REAPURB):
            log(f"ioctl 0x{request:08x} -> {answer[0]} errno {answer[1]}")
        client.complete(*answer)
        return True

    def ioctl(self, client, request):
        self.counts["ioctl"] += 1
        if request in (USBDEVFS_REAPURB, USBDEVFS_REAPURBNDELAY):
            return self.reap(client)
        if self.bridge.unplugged:
            return -1, errno.ENODEV
        size = (request >> 16) & 0x3FFF
        arg = client.get_arg()
        if request == USBDEVFS_GET_CAPABILITIES:
            capabilities = CAP_ZERO_PACKET | CAP_BULK_CONTINUATION | CAP_NO_PACKET_SIZE_LIM | CAP_REAP_AFTER_DISCONNECT
            arg.resolve(0, size).update(0, struct.pack("<I", capabilities))
            return 0, 0
        if request in (USBDEVFS_CLAIMINTERFACE, USBDEVFS_DISCONNECT_CLAIM):
            return (-1, errno.EBUSY) if self.bridge.busy else (0, 0)
        if request in (USBDEVFS_GETDRIVER, USBDEVFS_IOCTL):
            return -1, errno.ENODATA  # no kernel driver is bound to the interface
        if request == USBDEVFS_CONNECTINFO:
            arg.resolve(0, size).update(0, struct.pack("<IB3x", ADDRESS, 0))
            return 0, 0
        if request == USBDEVFS_GET_SPEED:
            return USB_SPEED_HIGH, 0
        if request in (
            USBDEVFS_RELEASEINTERFACE, USBDEVFS_CLEAR_HALT, USBDEVFS_RESET, USBDEVFS_SETINTERFACE,
            USBDEVFS_SETCONFIGURATION, USBDEVFS_DROP_PRIVILEGES,
        ):
            return 0, 0
        if request == USBDEVFS_SUBMITURB:
            return self.submit(client, arg.resolve(0, URB.size))
        if request == USBDEVFS_DISCARDURB:
            return self.discard(client, struct.unpack("<Q", bytes(arg.retrieve())[:8])[0])
        log(f"unsupported ioctl 0x{request:08x}")
        return -1, errno.ENOTTY

    # --- Reaping ---

    def reap(self, client):
        state = self.state(client)
        if state.reapable:
            return self.hand_over(client, state)
        self.counts["empty reap"] += 1
        if self.bridge.unplugged:
            return -1, errno.ENODEV  # the program learns of the unplug once its URBs are reaped
        if state.in_flight:
            state.held_reap = GLib.timeout_add(REAP_HOLD_MS, self.release_reap, client)
            return HELD
        return -1, errno.EAGAIN

    def hand_over(self, client, state):
        urb = state.reapable.pop(0)
        client.get_arg().resolve(0, 8).set_ptr(0, urb.data)
        return 0, 0

    def release_reap(self, client):
        state = self.clients.get(client)
        if state is not None and state.held_reap is not None:
            state.held_reap = None
            client.complete(-1, errno.ENODEV if self.bridge.unplugged else errno.EAGAIN)
        return False

    def completed(self, client, urb):
        state = self.state(client)
        state.reapable.append(urb)
        if state.held_reap is not None:
            GLib.source_remove(state.held_reap)
            state.held_reap = None
            client.complete(*self.hand_over(client, state))

    # --- Submitting ---

    def submit(self, client, data):
        fields = URB.unpack(bytes(data.retrieve())[: URB.size])
        length = fields[5]
        buffer = data.resolve(URB_BUFFER_OFFSET, length) if length > 0 else None
        urb = Urb(data, buffer)
        if urb.type == URB_TYPE_CONTROL:
            self.control(urb)
            self.completed(client, urb)
        elif urb.type == URB_TYPE_BULK and urb.endpoint == OUT_EP:
            payload = urb.payload()
            self.counts["zero-length out" if not payload else "bulk out"] += 1
            self.bridge.host_transfer(client, payload)
            urb.finish(0, actual=len(payload))
            self.completed(client, urb)
        elif urb.type == URB_TYPE_BULK and urb.endpoint == IN_EP:
            self.counts["bulk in"] += 1
            self.state(client).in_flight.append(urb)
            self.fill(client)
        else:
            return -1, errno.EINVAL
        return 0, 0

    def control(self, urb):
        request_type, request, value, index, length = struct.unpack("<BBHHH", urb.payload()[:8])
        reply = None
        if request_type == 0x80 and request == 6:  # GET_DESCRIPTOR
            kind, number = value >> 8, value & 0xFF
            if kind == 1:
                reply = device_descriptor()
            elif kind == 2:
                reply = configuration_descriptor()
            elif kind == 3 and number == 0:
                reply = bytes([4, 3, 0x09, 0x04])  # English (US)
            elif kind == 3:
                strings = {1: "Google", 2: "Virtual Phone", 3: self.bridge.serial}
                reply = string_descriptor(strings[number]) if number in strings else None
        elif request_type & 0x80 == 0:
            reply = b""  # SET_CONFIGURATION, SET_INTERFACE and friends succeed
        if reply is None:
            urb.finish(-errno.EPIPE)  # stall, as a device does for a request it does not know
        else:
            reply = reply[:length]
            urb.finish(0, b"\0" * 8 + reply, actual=len(reply))

    def discard(self, client, address):
        state = self.state(client)
        for urb in state.in_flight:
            if urb.address == address:
                state.in_flight.remove(urb)
                urb.finish(-errno.ENOENT)
                self.completed(client, urb)
                return 0, 0
        return -1, errno.EINVAL  # already completed: the program reaps it as usual

    def fill(self, client):
        """Moves the peer's USB packets into the client's waiting IN URBs, one read at a time."""
        if client is None or client is not self.bridge.peer_client:
            return
        state = self.state(client)
        packets = self.bridge.device_output.packets
        while state.in_flight and packets:
            urb = state.in_flight[0]
            received, status = b"", 0
            while packets:
                packet = packets[0]
                room = urb.length - len(received)
                if len(packet) > room:
                    if room == 0:
                        break
                    status = -errno.EOVERFLOW  # babble: the packet is lost, as on real hardware
                    packets.pop(0)
                    break
                received += packets.pop(0)
                if len(packet) < MAX_PACKET:
                    break  # a short packet ends the transfer
            state.in_flight.pop(0)
            urb.finish(status, received)
            self.completed(client, urb)

    def fail_all(self):
        for client, state in list(self.clients.items()):
            in_flight, state.in_flight = state.in_flight, []
            for urb in in_flight:
                urb.finish(-errno.ENODEV)
                self.completed(client, urb)


class Bridge:
    def __init__(self, options):
        self.options = options
        self.serial = options.serial
        self.busy = options.busy
        self.unplugged = False
        self.testbed = UMockdev.Testbed.new()
        self.handler = AdbUsbDevice(self)
        self.check = HostFramingCheck()
        self.device_output = DeviceOutput()
        self.peer = None
        self.peer_client = None  # the open() of the device node whose session the peer serves
        self.device_path = None
        self.loop = GLib.MainLoop()
        self.status = 2

    def add_root_hub(self):
        descriptor = struct.pack("<BBHBBBBHHHBBBB", 18, 1, 0x0200, 9, 0, 1, 64, 0x1D6B, 2, 0x0601, 3, 2, 1, 1)
        config = (
            struct.pack("<BBHBBBBB", 9, 2, 25, 1, 1, 0, 0xE0, 0)
            + struct.pack("<BBBBBBBBB", 9, 4, 0, 0, 1, 9, 0, 0, 0)
            + struct.pack("<BBBBHB", 7, 5, 0x81, 3, 4, 12)
        )
        self.hub_path = self.add_usb_device("usb1", 1, 1, "1d6b", "0002", descriptor + config, {})

    def add_phone(self):
        # The ioctl handler goes first: the device may be opened as soon as it exists.
        self.testbed.attach_ioctl(f"/dev/bus/usb/{BUS:03d}/{ADDRESS:03d}", self.handler)
        self.device_path = self.add_usb_device(
            f"usb1/{BUS}-{PORT}", BUS, ADDRESS, f"{VENDOR:04x}", f"{PRODUCT:04x}",
            device_descriptor() + configuration_descriptor(),
            {"serial": self.serial, "product": "Virtual Phone", "manufacturer": "Google"},
        )

    def add_usb_device(self, path, bus, address, vendor, product, descriptors, strings):
        """Adds a usb_device as umockdev-record would describe it; `N:` makes its /dev node."""
        node = f"bus/usb/{bus:03d}/{address:03d}"
        lines = [
            f"P: /devices/{path}",
            f"N: {node}",
            "E: SUBSYSTEM=usb",
            "E: DEVTYPE=usb_device",
            f"E: DEVNAME=/dev/{node}",
            f"E: BUSNUM={bus:03d}",
            f"E: DEVNUM={address:03d}",
            f"A: busnum={bus}",
            f"A: devnum={address}",
            "A: speed=480",
            "A: bConfigurationValue=1",
            f"A: idVendor={vendor}",
            f"A: idProduct={product}",
        ] + [f"A: {key}={value}" for key, value in strings.items()] + [f"H: descriptors={descriptors.hex().upper()}"]
        self.testbed.add_from_string("\n".join(lines) + "\n")
        return f"/sys/devices/{path}"

    def plug(self):
        self.add_phone()
        log("phone plugged in")
        return False

    def unplug(self):
        self.unplugged = True
        self.handler.fail_all()
        self.testbed.uevent(self.device_path, "remove")
        self.testbed.remove_device(self.device_path)
        self.close_peer()
        log("phone unplugged")
        return False

    # --- The TCP peer ---

    def host_transfer(self, client, data):
        if client is not self.peer_client:
            # A new session: the program opened the device again. adbd starts afresh too.
            self.close_peer()
            self.check.new_session()
            self.device_output = DeviceOutput()
            self.peer_client = client
        self.check.transfer(data)
        if not data:
            return
        if self.peer is None:
            host, port = self.options.phone.rsplit(":", 1)
            self.peer = socket.create_connection((host, int(port)))
            GLib.io_add_watch(self.peer.fileno(), GLib.PRIORITY_DEFAULT, GLib.IO_IN | GLib.IO_HUP, self.peer_readable)
        self.peer.setblocking(True)
        self.peer.sendall(data)
        self.peer.setblocking(False)

    def peer_readable(self, fd, condition):
        if self.peer is None or self.peer.fileno() != fd:
            return False
        try:
            data = self.peer.recv(1 << 20)
        except BlockingIOError:
            return True
        if not data:
            log("the phone closed the connection")
            self.close_peer()
            return False
        self.device_output.feed(data)
        self.handler.fill(self.peer_client)
        return True

    def client_closed(self, client):
        if client is self.peer_client:
            self.close_peer()
            self.peer_client = None

    def close_peer(self):
        if self.peer is not None:
            self.peer.close()
            self.peer = None

    # --- The program under test ---

    def run(self, command):
        self.add_root_hub()
        if self.options.plug_after is None:
            self.add_phone()
        environment = dict(os.environ)
        environment["UMOCKDEV_DIR"] = self.testbed.get_root_dir()
        prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up before fork: preexec_fn stays trivial
        child = subprocess.Popen(command, env=environment, preexec_fn=lambda: prctl(PR_SET_PDEATHSIG, signal.SIGKILL))
        GLib.child_watch_add(GLib.PRIORITY_DEFAULT, child.pid, self.child_exited)
        if self.options.plug_after is not None:
            GLib.timeout_add(int(self.options.plug_after * 1000), self.plug)
        if self.options.unplug_after is not None:
            GLib.timeout_add(int(self.options.unplug_after * 1000), self.unplug)
        self.loop.run()
        self.close_peer()
        shutil.rmtree(self.testbed.get_root_dir(), ignore_errors=True)
        log(", ".join(f"{key}: {value}" for key, value in self.handler.counts.items()))
        if self.check.violations:
            for violation in self.check.violations:
                log(f"framing violation: {violation}")
            return 3
        return self.status

    def child_exited(self, pid, status):
        self.status = os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status >> 8
        if self.status < 0:
            self.status = 128 - self.status
        self.loop.quit()


def reexec_under_preload():
    """umockdev's Testbed checks parent devices through /sys, so the bridge itself must see the
    sandbox: it runs under libumockdev-preload, as umockdev-wrapper would start it."""
    if "libumockdev-preload" in os.environ.get("LD_PRELOAD", ""):
        return
    environment = dict(os.environ)
    preload = environment.get("LD_PRELOAD")
    environment["LD_PRELOAD"] = "libumockdev-preload.so.0" + (f":{preload}" if preload else "")
    os.execve(sys.executable, [sys.executable] + sys.argv, environment)


def main():
    reexec_under_preload()
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--phone", required=True, help="HOST:PORT of a device-protocol peer (the virtual phone)")
    parser.add_argument("--serial", default="usb-virtual-1", help="the phone's iSerialNumber string")
    parser.add_argument("--busy", action="store_true", help="fail CLAIMINTERFACE with EBUSY")
    parser.add_argument("--plug-after", type=float, help="plug the phone in this many seconds after start")
    parser.add_argument("--unplug-after", type=float, help="unplug the phone this many seconds after start")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- PROGRAM [ARGS...]")
    options = parser.parse_args()
    command = options.command[1:] if options.command[:1] == ["--"] else options.command
    if not command:
        parser.error("no program to run")
    sys.exit(Bridge(options).run(command))


if __name__ == "__main__":
    main()
