extension ScreenDetector {
  /// Buttons of the dialogs TikTok and Android put over the app.
  static let dialogButtons = [
    "Don't allow", "Don’t allow", "Allow", "Open settings", "Not now", "Update", "Later", "Cancel", "OK", "Got it",
    "Skip", "Dismiss",
  ]

  /// The evidence, screen by screen. Weights: 8–15 for what only that screen shows, 2–5 for
  /// what it shares with others.
  static let rules: [Rule] = dialogRules + feedRules + profileRules + sheetRules + createRules + otherRules

  private static let dialogRules = [
    Rule(screen: .dialog, weight: 6, reason: "a dialog's button") { facts in
      facts.buttonLabels.contains { dialogButtons.contains($0) }
    },
    Rule(screen: .dialog, weight: 6, reason: "a dialog window") { facts in
      facts.has("Dialog") || facts.resourceIDs.contains("android:id/alertTitle")
        || facts.resourceIDs.contains("android:id/message")
    },
    // A dialog covers the screen: little else is visible through the accessibility tree.
    Rule(screen: .dialog, weight: 4, reason: "few elements") { $0.elementCount < 40 },
  ]

  private static let feedRules = [
    Rule(screen: .feed, weight: 5, reason: "Like video on the right rail") { $0.hasPrefix("Like video") },
    Rule(screen: .feed, weight: 4, reason: "Home tab selected") { $0.selectedLabels.contains("Home") },
    Rule(screen: .feed, weight: 2, reason: "bottom navigation") { $0.count(["Home", "Inbox", "Profile"]) == 3 },
    Rule(screen: .feed, weight: 1, reason: "For You tab") { $0.has("For You") },
    Rule(screen: .video, weight: 10, reason: "Like video without the bottom navigation") { facts in
      facts.hasPrefix("Like video") && facts.count(["Home", "Inbox", "Profile"]) == 0
    },
  ]

  private static let profileRules = [
    Rule(screen: .profile, weight: 3, reason: "Followers count") { $0.has("Followers") },
    Rule(screen: .profile, weight: 2, reason: "Likes count") { $0.has("Likes") },
    Rule(screen: .profile, weight: 4, reason: "Message button") { $0.buttonLabels.contains("Message") },
    Rule(screen: .profile, weight: 2, reason: "Follow button") { facts in
      facts.buttonLabels.contains("Follow") || facts.buttonLabels.contains("Following")
        || facts.buttonLabels.contains("Friends")
    },
    Rule(screen: .ownProfile, weight: 3, reason: "Followers count") { $0.has("Followers") },
    Rule(screen: .ownProfile, weight: 2, reason: "Likes count") { $0.has("Likes") },
    Rule(screen: .ownProfile, weight: 5, reason: "Edit profile button") { $0.buttonLabels.contains("Edit profile") },
    Rule(screen: .ownProfile, weight: 2, reason: "Profile tab selected") { $0.selectedLabels.contains("Profile") },
  ]

  private static let sheetRules = [
    Rule(screen: .comments, weight: 9, reason: "the Add comment composer") {
      $0.hasField(startingWith: ["Add comment"])
    },
    Rule(screen: .comments, weight: 3, reason: "a comment count") { $0.hasSuffix(" comments") && $0.has("Reply") },
    Rule(screen: .accountSwitcher, weight: 6, reason: "Switch account") { $0.has("Switch account") },
    Rule(screen: .accountSwitcher, weight: 5, reason: "Add account") { $0.has("Add account") },
    Rule(screen: .conversation, weight: 9, reason: "the message composer") { facts in
      facts.hasField(startingWith: ["Send a message", "Message..."])
    },
    Rule(screen: .editProfile, weight: 9, reason: "Name, Username and Bio fields") {
      $0.count(["Name", "Username", "Bio"]) == 3
    },
  ]

  private static let createRules = [
    Rule(screen: .create, weight: 4, reason: "Add sound") { $0.has("Add sound") },
    Rule(screen: .create, weight: 3, reason: "recording lengths") { $0.count(["10m", "60s", "15s"]) >= 2 },
    Rule(screen: .create, weight: 3, reason: "capture modes") { $0.count(["PHOTO", "TEXT", "CREATE", "POST"]) >= 2 },
    Rule(screen: .create, weight: 2, reason: "Templates") { $0.has("Templates") },
    Rule(screen: .gallery, weight: 6, reason: "Recents album") { $0.has("Recents") },
    Rule(screen: .gallery, weight: 6, reason: "Select multiple") { $0.has("Select multiple") },
    Rule(screen: .gallery, weight: 1, reason: "Next") { $0.has("Next") },
    Rule(screen: .editor, weight: 4, reason: "Your Story") { $0.has("Your Story") },
    Rule(screen: .editor, weight: 4, reason: "Text, Stickers and Effects") {
      $0.count(["Text", "Stickers", "Effects"]) == 3
    },
    Rule(screen: .editor, weight: 2, reason: "Next") { $0.has("Next") },
    Rule(screen: .post, weight: 6, reason: "Post and Drafts") { $0.has("Post") && $0.has("Drafts") },
    Rule(screen: .post, weight: 6, reason: "caption fields") { facts in
      facts.hasField(startingWith: ["Add a catchy title", "Writing a long description", "Add description"])
        || facts.has("Add a catchy title")
    },
    Rule(screen: .post, weight: 3, reason: "privacy row") { $0.has("Everyone can view this post") },
  ]

  private static let otherRules = [
    Rule(screen: .search, weight: 5, reason: "a search field") { facts in
      facts.fieldLabels.contains { $0.hasPrefix("Search") }
    },
    Rule(screen: .search, weight: 1, reason: "Search button") { $0.buttonLabels.contains("Search") },
    Rule(screen: .searchResults, weight: 5, reason: "a search field") { facts in
      facts.fieldLabels.contains { $0.hasPrefix("Search") }
    },
    Rule(screen: .searchResults, weight: 6, reason: "Top and Users tabs") { $0.count(["Top", "Users"]) == 2 },
    Rule(screen: .inbox, weight: 5, reason: "Inbox tab selected") { $0.selectedLabels.contains("Inbox") },
    Rule(screen: .inbox, weight: 4, reason: "inbox sections") { facts in
      facts.count(["New followers", "Activity", "System notifications"]) >= 2
    },
  ]
}
