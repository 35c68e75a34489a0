/// An RGBA_8888 image of the screen: what `screencap` captures.
public struct Framebuffer: Sendable, Hashable {
  /// A colour with 8 bits per channel.
  public struct Color: Sendable, Hashable {
    /// Red.
    public var red: UInt8
    /// Green.
    public var green: UInt8
    /// Blue.
    public var blue: UInt8
    /// Alpha (255 is opaque).
    public var alpha: UInt8

    /// Creates a colour.
    public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
      self.red = red
      self.green = green
      self.blue = blue
      self.alpha = alpha
    }

    /// The four bytes R, G, B, A as one word in memory order.
    var word: UInt32 {
      UInt32(littleEndian: UInt32(red) | UInt32(green) << 8 | UInt32(blue) << 16 | UInt32(alpha) << 24)
    }
  }

  /// Width in pixels.
  public let width: Int
  /// Height in pixels.
  public let height: Int
  /// `width * height * 4` bytes, rows top to bottom, each pixel R, G, B, A.
  public private(set) var pixels: [UInt8]

  /// Bytes per pixel of RGBA_8888.
  public static let bytesPerPixel = 4

  /// Creates an image filled with one colour.
  public init(width: Int, height: Int, background: Color) {
    precondition(width >= 0 && height >= 0, "negative framebuffer size")
    self.width = width
    self.height = height
    self.pixels = [UInt8](repeating: 0, count: width * height * Self.bytesPerPixel)
    fill(UIRect(left: 0, top: 0, right: width, bottom: height), with: background)
  }

  /// Paints a rectangle (clipped to the image).
  public mutating func fill(_ rect: UIRect, with color: Color) {
    let left = max(rect.left, 0)
    let right = min(rect.right, width)
    let top = max(rect.top, 0)
    let bottom = min(rect.bottom, height)
    guard left < right, top < bottom else { return }
    let word = color.word
    let rowWords = width
    pixels.withUnsafeMutableBytes { raw in
      let words = raw.bindMemory(to: UInt32.self)
      for y in top..<bottom {
        let start = y * rowWords + left
        UnsafeMutableBufferPointer(rebasing: words[start..<(start + right - left)]).update(repeating: word)
      }
    }
  }

  /// Paints the outline of a rectangle, `thickness` pixels wide, inside its bounds.
  public mutating func stroke(_ rect: UIRect, with color: Color, thickness: Int = 2) {
    fill(UIRect(left: rect.left, top: rect.top, right: rect.right, bottom: rect.top + thickness), with: color)
    fill(UIRect(left: rect.left, top: rect.bottom - thickness, right: rect.right, bottom: rect.bottom), with: color)
    fill(UIRect(left: rect.left, top: rect.top, right: rect.left + thickness, bottom: rect.bottom), with: color)
    fill(UIRect(left: rect.right - thickness, top: rect.top, right: rect.right, bottom: rect.bottom), with: color)
  }

  /// The colour of one pixel.
  public func color(atX x: Int, y: Int) -> Color {
    let offset = (y * width + x) * Self.bytesPerPixel
    return Color(red: pixels[offset], green: pixels[offset + 1], blue: pixels[offset + 2], alpha: pixels[offset + 3])
  }

  // MARK: - screencap's raw format

  /// `PIXEL_FORMAT_RGBA_8888` from ui/PixelFormat.h.
  static let rgba8888Format: UInt32 = 1
  /// `COLORSPACE_SRGB` as screencap.cpp's `dataSpaceToInt` reports it.
  static let srgbColorSpace: UInt32 = 1

  /// What `screencap` without `-p` writes: width, height, format and colour space as
  /// little-endian u32 (the 16-byte header of Android 10 and later), then the pixels.
  public var rawScreencap: [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(16 + pixels.count)
    for word in [UInt32(width), UInt32(height), Self.rgba8888Format, Self.srgbColorSpace] {
      withUnsafeBytes(of: word.littleEndian) { output.append(contentsOf: $0) }
    }
    output.append(contentsOf: pixels)
    return output
  }
}
