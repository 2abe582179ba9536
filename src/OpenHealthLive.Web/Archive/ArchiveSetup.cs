using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OpenHealthLive.Web.Archive;

internal static class ArchiveSetup
{
    public static WebApplicationBuilder AddArchive(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ArchiveMedia>();
        builder.Services.AddSingleton<ArchiveLimits>();
        builder.Services.AddSingleton<TalkArchiveBuilder>();
        // The pen registers its strokes in place of this; TryAdd lets whichever is added first win.
        builder.Services.TryAddSingleton<ISlideOverlay, NoSlideOverlay>();
        return builder;
    }
}
