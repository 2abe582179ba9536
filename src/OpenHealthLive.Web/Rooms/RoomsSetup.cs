namespace OpenHealthLive.Web.Rooms;

internal static class RoomsSetup
{
    /// <summary>What every live feature shares: reaching a talk's followers, and the audience's write allowances.</summary>
    public static WebApplicationBuilder AddRooms(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LocalFollowers>();
        builder.Services.AddSingleton(typeof(FollowerBroadcast<>));
        builder.Services.AddOptions<HubRateLimitOptions>()
            .BindConfiguration(HubRateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<HubRateLimits>();
        return builder;
    }
}
