namespace OpenHealthLive.Web.Infrastructure;

/// <summary>Names, once at start-up, each old key still set, and what to call it now.</summary>
internal sealed partial class RenamedSettingsWarning(IEnumerable<RenamedSetting> renamed, IConfiguration configuration, ILogger<RenamedSettingsWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var setting in renamed.Distinct())
        {
            if (configuration[setting.OldKey] is null)
            {
                continue;
            }

            if (configuration[setting.NewKey] is null)
            {
                LogOldKeyUsed(setting.OldKey, setting.NewKey);
            }
            else
            {
                LogOldKeyIgnored(setting.OldKey, setting.NewKey);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The setting {OldKey} is now called {NewKey} (in the environment, with __ for each colon); the old name still works, but rename it")]
    private partial void LogOldKeyUsed(string oldKey, string newKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The setting {OldKey} is ignored: its new name {NewKey} is set too; remove the old one")]
    private partial void LogOldKeyIgnored(string oldKey, string newKey);
}
