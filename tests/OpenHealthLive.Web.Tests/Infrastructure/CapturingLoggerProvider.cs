using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OpenHealthLive.Web.Tests.Infrastructure;

/// <summary>Keeps every formatted log line, so tests can check what was (and was not) logged.</summary>
public sealed class CapturingLoggerProvider(ConcurrentQueue<(LogLevel Level, string Category, string Message)> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, sink);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<(LogLevel, string, string)> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            sink.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? string.Empty : "\n" + exception)));
        }
    }
}
