namespace OpenHealthLive.Web.Tests.ScaleOut;

/// <summary>
/// A test that needs redis-server and PostgreSQL from Debian's packages (`.ci/run` installs them). Where they are
/// not installed the test is skipped, saying why; in CI they are, so it runs.
/// </summary>
public sealed class ScaleOutFactAttribute : FactAttribute
{
    public ScaleOutFactAttribute()
    {
        if (!RedisServer.IsInstalled || !PostgresServer.IsInstalled)
        {
            Skip = "Needs redis-server and PostgreSQL (apt-get install redis-server postgresql), as .ci/run installs them.";
        }
    }
}
