// Moving from the elements matched so far to related ones.

extension UISelector {
  /// The elements inside this selector's matches, at any depth, that `inner` matches (Android's
  /// `childSelector`, which also searches all descendants).
  ///
  /// ```swift
  /// // The count inside the clickable "Followers" block.
  /// UISelector.clickable().child(.text("Followers")).parent().child(.index(0))
  /// ```
  public func child(_ inner: UISelector) -> UISelector {
    followed(by: .descendants, inner)
  }

  /// The elements that directly enclose this selector's matches.
  public func parent() -> UISelector {
    followed(by: .parent, UISelector())
  }

  /// The other children of this selector's matches' parents that `other` matches (Android's
  /// `fromParent`).
  public func sibling(_ other: UISelector) -> UISelector {
    followed(by: .siblings, other)
  }

  /// Of this step's matches, the one whose bounds centre is nearest to the centre of the first
  /// element (document order) that `label` matches; the label itself is never the answer.
  ///
  /// Pairs a value with its label when ids are obfuscated, for example the number next to
  /// "Followers" on a profile. Ties go to the earlier element; with ``instance(_:)`` the n-th
  /// nearest is chosen instead. Nothing matches when `label` matches nothing.
  ///
  /// ```swift
  /// let followers = try UISelector.text(matching: "[0-9][0-9.,]*[KMB]?").nearest(to: .text("Followers"))
  /// ```
  public func nearest(to label: UISelector) -> UISelector {
    var result = self
    result.stages[result.stages.count - 1].nearest = label
    return result
  }
}
