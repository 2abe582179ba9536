using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Web.Storage;

internal static class BatchWriterSetup
{
    /// <summary>The one writer every audience write goes through (questions, votes, captions), run for the app's lifetime.</summary>
    public static WebApplicationBuilder AddBatchWriter(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BatchWriter>();
        builder.Services.AddHostedService<BatchWriterRunner>();
        return builder;
    }
}

/// <summary>Runs the <see cref="BatchWriter"/> for the app's lifetime and drains it on shutdown.</summary>
internal sealed class BatchWriterRunner(BatchWriter queue) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => queue.RunAsync(stoppingToken);
}
