// libusb-1.0 for Swift: Debian's libusb-1.0-0-dev (pkg-config libusb-1.0).
#include <libusb.h>
