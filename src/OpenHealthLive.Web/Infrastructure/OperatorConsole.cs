namespace OpenHealthLive.Web.Infrastructure;

/// <summary>
/// The console of the person who started the server, for the one thing that must not go through the log: a
/// generated presenter key. Log providers hand what they get to files, the journal or a collector, which keep it;
/// text written here goes to the terminal alone (or to whatever the service manager does with standard output,
/// which docs/deploy.md says to avoid by configuring the key). Tests give it a writer of their own.
/// </summary>
public sealed class OperatorConsole(TextWriter output)
{
    /// <summary>Writes <paramref name="block"/> in one piece, so that log lines written meanwhile cannot split it.</summary>
    public void WriteBlock(string block)
    {
        ArgumentNullException.ThrowIfNull(block);
        output.Write(block);
        output.Flush();
    }
}
