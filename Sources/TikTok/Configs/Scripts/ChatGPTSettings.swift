import Foundation
public import TaskEngine

/// The `chatgpt_settings` of `account_warmup`: an OpenAI-compatible endpoint that writes the
/// comments when `generate_by_chatgpt` is on.
public struct ChatGPTSettings: Hashable, Sendable {
  /// The model when `model` is absent (TikMatrix's default).
  public static let defaultModel = "gpt-3.5-turbo"
  /// The endpoint when `base_url` is absent.
  public static let defaultBaseURL = "https://api.openai.com/v1"
  /// The prompt when `prompt` is absent.
  public static let defaultPrompt = "Write one short, friendly comment on this TikTok video."
  /// The largest `max_tokens` accepted.
  public static let maximumTokens = 4096

  /// The key sent as a bearer token (`api_key`): required when comments are generated.
  public var apiKey: String
  /// The model (`model`, default gpt-3.5-turbo).
  public var model: String
  /// The instruction the model gets (`prompt`).
  public var prompt: String
  /// The most tokens of one answer (`max_tokens`, 1–4096, default 100).
  public var maxTokens: Int
  /// How inventive the answers are (`temperature`, 0–2, default 0.7).
  public var temperature: Double
  /// The API's base URL (`base_url`, default https://api.openai.com/v1).
  public var baseURL: String

  /// Creates settings.
  public init(
    apiKey: String, model: String = Self.defaultModel, prompt: String = Self.defaultPrompt, maxTokens: Int = 100,
    temperature: Double = 0.7, baseURL: String = Self.defaultBaseURL
  ) {
    self.apiKey = apiKey
    self.model = model
    self.prompt = prompt
    self.maxTokens = maxTokens
    self.temperature = temperature
    self.baseURL = baseURL
  }

  /// Reads the object `reader` is over; errors name `chatgpt_settings.KEY`.
  /// - Parameter required: whether `api_key` must be given (comments are generated).
  init(_ reader: ConfigReader, required: Bool) throws(ScriptConfigError) {
    apiKey = try reader.nonEmptyString("api_key") ?? ""
    if required, apiKey.isEmpty {
      throw reader.error("api_key", "generate_by_chatgpt is on: give the API key of the OpenAI-compatible endpoint")
    }
    model = try reader.nonEmptyString("model") ?? Self.defaultModel
    prompt = try reader.nonEmptyString("prompt") ?? Self.defaultPrompt
    maxTokens = try reader.int("max_tokens", in: 1...Self.maximumTokens) ?? 100
    temperature = try reader.double("temperature", in: 0...2) ?? 0.7
    baseURL = try reader.nonEmptyString("base_url") ?? Self.defaultBaseURL
    guard let url = URLComponents(string: baseURL), ["http", "https"].contains(url.scheme?.lowercased()),
      url.host?.isEmpty == false
    else {
      throw reader.error(
        "base_url", "expected an http or https URL such as \(Self.defaultBaseURL), got \(baseURL.messageQuoted)")
    }
  }

  /// The settings as `chatgpt_settings` holds them.
  public var json: JSONValue {
    [
      "api_key": .string(apiKey), "model": .string(model), "prompt": .string(prompt), "max_tokens": .int(maxTokens),
      "temperature": .double(temperature), "base_url": .string(baseURL),
    ]
  }
}
