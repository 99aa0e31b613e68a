namespace Mmx.Grains.Configuration;

/// <summary>A configuration value MMX cannot run with; the message names the key and what it must be.</summary>
public sealed class SettingsException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
