/// Paints a view hierarchy into a ``Framebuffer``: a dark background, a filled box per
/// labelled or clickable view and an outline per container, so screenshots show the layout.
public enum ScreenRenderer {
  static let background = Framebuffer.Color(red: 0x20, green: 0x21, blue: 0x24)
  static let outline = Framebuffer.Color(red: 0x5F, green: 0x63, blue: 0x68)
  /// Material-like fills, picked per view so the same screen always draws the same way.
  static let palette: [Framebuffer.Color] = [
    .init(red: 0x1A, green: 0x73, blue: 0xE8), .init(red: 0x18, green: 0x80, blue: 0x38),
    .init(red: 0xF9, green: 0xAB, blue: 0x00), .init(red: 0xD9, green: 0x30, blue: 0x25),
    .init(red: 0x9A, green: 0xA0, blue: 0xA6), .init(red: 0xA1, green: 0x42, blue: 0xF4),
  ]

  /// Renders a hierarchy.
  /// - Parameters:
  ///   - root: the window's root view.
  ///   - width: the image width in pixels.
  ///   - height: the image height in pixels.
  /// - Returns: the painted image.
  public static func render(_ root: UINode, width: Int, height: Int) -> Framebuffer {
    var image = Framebuffer(width: width, height: height, background: background)
    var stack = [root]
    while let node = stack.popLast() {
      if node.clickable || !node.text.isEmpty || !node.contentDescription.isEmpty {
        // Inset the box so neighbouring views (a row of icons) stay distinguishable.
        let inset = min(node.bounds.width, node.bounds.height) / 10
        let box = UIRect(
          left: node.bounds.left + inset, top: node.bounds.top + inset, right: node.bounds.right - inset,
          bottom: node.bounds.bottom - inset)
        image.fill(box, with: color(for: node.className + node.text + node.contentDescription))
      } else if node.bounds.width > 0 && node.bounds.height > 0 && node.bounds != root.bounds {
        image.stroke(node.bounds, with: outline)
      }
      stack.append(contentsOf: node.children.reversed())
    }
    return image
  }

  /// A stable colour per key (FNV-1a; Swift's `Hasher` is seeded per process).
  static func color(for key: String) -> Framebuffer.Color {
    var hash: UInt32 = 2_166_136_261
    for byte in key.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
    return palette[Int(hash % UInt32(palette.count))]
  }
}
