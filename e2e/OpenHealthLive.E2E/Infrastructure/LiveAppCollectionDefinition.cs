namespace OpenHealthLive.E2E.Infrastructure;

/// <summary>
/// The test classes that share one server. xUnit runs the classes of a collection one after another, so
/// at most one of them drives a browser at a time, while other collections (the restart test) run beside it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LiveAppCollectionDefinition : ICollectionFixture<LiveAppFixture>
{
    public const string Name = "Live app";
}
