using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OpenHealthLive.Web.Infrastructure;

/// <summary>Binds an options class to its section, reading the old names of its keys where the new ones are not set.</summary>
internal static class RenamedSettings
{
    /// <summary>
    /// Binds <paramref name="section"/> over the values of <paramref name="renamed"/> old keys: a key set under its new
    /// name wins, wherever it is set, over one set under its old name.
    /// </summary>
    public static OptionsBuilder<T> BindConfiguration<T>(this OptionsBuilder<T> builder, string section, IReadOnlyList<RenamedSetting> renamed)
        where T : class
    {
        foreach (var setting in renamed)
        {
            builder.Services.AddSingleton(setting);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RenamedSettingsWarning>());
        builder.Configure<IConfiguration>((options, configuration) => OldValues(configuration, section, renamed).Bind(options));
        return builder.BindConfiguration(section);
    }

    /// <summary>The options as they will be bound, for the few decisions made while the app is being built.</summary>
    public static T Read<T>(IConfiguration configuration, string section, IReadOnlyList<RenamedSetting> renamed)
        where T : new()
    {
        var options = new T();
        OldValues(configuration, section, renamed).Bind(options);
        configuration.GetSection(section).Bind(options);
        return options;
    }

    /// <summary>The value of <paramref name="setting"/>'s new key, else of its old one.</summary>
    public static string? Value(IConfiguration configuration, RenamedSetting setting) =>
        configuration[setting.NewKey] ?? configuration[setting.OldKey];

    /// <summary>The values set only under their old keys, under their new keys, as <paramref name="section"/>.</summary>
    private static IConfigurationSection OldValues(IConfiguration configuration, string section, IEnumerable<RenamedSetting> renamed)
    {
        var values = renamed
            .Where(r => configuration[r.NewKey] is null && configuration[r.OldKey] is not null)
            .Select(r => KeyValuePair.Create(r.NewKey, configuration[r.OldKey]));
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(section);
    }
}
