using OpenHealthLive.Core.Captions;

namespace OpenHealthLive.Web.Captions;

internal static class CaptionsSetup
{
    public static WebApplicationBuilder AddCaptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CaptionsOptions>()
            .BindConfiguration(CaptionsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<CaptionReaders>();
        builder.Services.AddSingleton<CaptionLimits>();
        builder.Services.AddSingleton<ICaptionNotifier, CaptionBroadcaster>();
        builder.Services.AddSingleton<CaptionService>();
        return builder;
    }
}
