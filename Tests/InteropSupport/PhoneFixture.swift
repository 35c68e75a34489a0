import Foundation
import VirtualPhone

/// Virtual phones served on free loopback ports for one test, stopped afterwards.
public enum PhoneFixture {
  /// Serves `count` phones (models "Interop Phone N") and runs `body`; always stops them.
  public static func with<T>(
    count: Int = 1, behaviour: VirtualPhoneServer.Behaviour = .init(),
    _ body: (VirtualPhoneServer) async throws -> T
  ) async throws -> T {
    let phones = (1...count).map { index in
      VirtualPhone(
        configuration: .init(
          serial: "interop-\(index)", model: "Interop Phone \(index)", product: "interop_product",
          device: "interop_device"))
    }
    let server = try await VirtualPhoneServer.start(phones: phones, behaviour: behaviour)
    do {
      let result = try await body(server)
      await server.stop()
      return result
    } catch {
      await server.stop()
      throw error
    }
  }
}
