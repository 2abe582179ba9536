namespace OpenHealthLive.E2E.Infrastructure;

/// <summary>
/// One app server shared by the test classes of <see cref="LiveAppCollectionDefinition"/> (or by the tests of
/// one class, as a class fixture). Tests that move a talk start their own session on it (from the presenter
/// console), so they do not depend on each other's order; only the start-up session
/// <see cref="AppServer.DefaultSessionCode"/> is shared.
/// </summary>
public sealed class LiveAppFixture : IAsyncLifetime
{
    private AppServer? _server;

    public AppServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    public async Task InitializeAsync() => _server = await AppServer.StartNewAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
