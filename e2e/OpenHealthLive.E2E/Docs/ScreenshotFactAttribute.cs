namespace OpenHealthLive.E2E.Docs;

/// <summary>A test that runs only when <c>OHL_SCREENSHOTS</c> names a folder to write screenshots to.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScreenshotFactAttribute : FactAttribute
{
    public const string Variable = "OHL_SCREENSHOTS";

    public ScreenshotFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"Set {Variable} to a folder to write the documentation screenshots.";
        }
    }
}
