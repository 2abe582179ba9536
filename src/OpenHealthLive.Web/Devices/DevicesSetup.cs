namespace OpenHealthLive.Web.Devices;

internal static class DevicesSetup
{
    /// <summary>The device cookie, read by every feature that takes audience writes.</summary>
    public static IServiceCollection AddDevices(this IServiceCollection services)
    {
        services.AddSingleton<DeviceIdentity>();
        return services;
    }
}
