using Microsoft.Extensions.Options;
using OpenHealthLive.Core.Privacy;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Web.Privacy;

/// <summary>
/// Runs the retention check at start-up and every <see cref="PrivacyOptions.RetentionCheckSeconds"/> on the app's
/// clock: idle talks are ended, and the audience's data of talks that ended <see cref="PrivacyOptions.RetentionDays"/>
/// ago is deleted (<see cref="AudienceDataService.ApplyRetentionAsync"/>). In a cluster every node runs it; the
/// deletions are idempotent, so two nodes checking at once delete the same rows once.
/// </summary>
internal sealed partial class RetentionService(
    AudienceDataService audienceData, IOptions<PrivacyOptions> options, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.HasController)
        {
            LogNoController();
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RetentionCheckSeconds), time);
        try
        {
            do
            {
                await CheckAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckAsync(CancellationToken stoppingToken)
    {
        try
        {
            var erased = await audienceData.ApplyRetentionAsync(stoppingToken);
            LogChecked(erased);
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex) || ex is StorageUnavailableException)
        {
            // The database is away: nothing is lost by waiting, the next check deletes what is due.
            LogDatabaseAway(ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retention check done: {Erased} talk(s) had their audience's data deleted")]
    private partial void LogChecked(int erased);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention check skipped: the database is away ({Error}); trying again at the next check")]
    private partial void LogDatabaseAway(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Privacy:Controller is not set: the audience's privacy notice says that no data controller has been named (docs/privacy.md)")]
    private partial void LogNoController();
}
