using OpenHealthLive.Core.Pen;

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
        return builder;
    }
}
