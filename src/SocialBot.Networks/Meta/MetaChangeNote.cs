using System.Text.Json;

namespace SocialBot.Networks.Meta;

/// <summary>A change of a delivery that did not become a mention: where it was (<c>entry[0].changes[1]</c>) and why.</summary>
public sealed record MetaChangeNote(string Where, string Reason, string? Raw);
