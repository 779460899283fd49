using System.Text;
using System.Text.Json;

namespace SocialBot.Networks.Bluesky;

/// <summary>A strong reference to a record: its at:// uri and the cid of the version meant.</summary>
public sealed record StrongRef(string Uri, string Cid);
