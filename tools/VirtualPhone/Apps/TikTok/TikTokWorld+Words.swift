extension TikTokWorld {
  /// Word lists the world's names, captions and comments are made of.
  enum Words {
    static let adjectives = [
      "sunny", "lazy", "wild", "cozy", "happy", "tiny", "golden", "lucky", "misty", "urban", "silent", "bright",
      "velvet", "crispy", "salty", "sleepy", "cosmic", "retro", "mellow", "rapid",
    ]
    static let nouns = [
      "koala", "travels", "kitchen", "vibes", "panda", "studio", "garden", "pixel", "noodle", "rider", "dancer",
      "atlas",
      "bakery", "fox", "lens", "wave", "mango", "otter", "comet", "beats",
    ]
    static let firstNames = [
      "Yamada", "Jenny", "Mia", "Lucas", "Aiko", "Omar", "Sofia", "Noah", "Lina", "Mateo", "Chloe", "Kenji", "Amara",
      "Leo", "Zoe", "Ravi", "Elena", "Sam", "Nora", "Diego",
    ]
    static let lastNames = [
      "Anthony", "Pineda", "Garcia", "Kim", "Rossi", "Nguyen", "Silva", "Okafor", "Novak", "Haddad", "Tanaka", "Berg",
      "Costa", "Walsh", "Moreau", "Iyer",
    ]
    static let bios = [
      "Travel | Food | Life", "Daily dance videos", "Just here for the vibes", "Cooking at home, every day",
      "Photographer and coffee lover", "New video every Friday", "Small business owner", "",
    ]
    static let captions = [
      "This has to be one of the craziest places I\u{2019}ve ever toured", "POV: you finally tried the viral recipe",
      "Wait for the end", "Rate this outfit 1-10", "Nobody talks about this trick", "Day 12 of learning to dance",
      "The view from my window today", "Tell me you\u{2019}re a cat person without telling me",
      "Trying every snack in the store", "Morning routine but make it realistic", "He did NOT expect that",
      "Sound on for this one",
    ]
    static let topics = [
      "travel", "food", "dance", "fashion", "comedy", "pets", "diy", "fitness", "music", "tech", "art", "nature",
    ]
    static let comments = [
      "Follow me for follow back", "This is so good", "😳😳😳", "Where is this?", "I needed this today",
      "The ending 😂", "Part 2 please", "Saved!", "How did you do that", "Came here from the other video",
      "Underrated", "Love this sound",
    ]
  }
}
