using OpenHealthLive.Core.Pen;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Archive;

namespace OpenHealthLive.Web.Pen;

internal static class PenSetup
{
    public static WebApplicationBuilder AddPen(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PenOptions>()
            .BindConfiguration(PenOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<PenLimits>();
        builder.Services.AddSingleton<IStrokeNotifier, PenBroadcaster>();
        builder.Services.AddSingleton<StrokeService>();
        // A slide's strokes go to the room when the talk reaches it, after the slide.
        builder.Services.AddSingleton<ISlideFollower>(services => services.GetRequiredService<StrokeService>());
        // The archive draws each shown slide's strokes over it (registered before the archive's empty default).
        builder.Services.AddSingleton<ISlideOverlay, PenSlideOverlay>();
        return builder;
    }
}
