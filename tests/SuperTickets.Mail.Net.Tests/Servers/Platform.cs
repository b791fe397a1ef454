using System.Runtime.Versioning;

// The test servers are Debian packages; the fixtures run them on Linux only.
[assembly: SupportedOSPlatform("linux")]
