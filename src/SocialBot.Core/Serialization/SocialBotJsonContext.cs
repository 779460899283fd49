using System.Text.Json;
using System.Text.Json.Serialization;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Mentions;
using SocialBot.Core.Processing;
using SocialBot.Core.Replies;
using SocialBot.Core.Triage;

namespace SocialBot.Core.Serialization;

/// <summary>
/// Source-generated metadata for the messages SocialBot owns: the mention, the reply, the handoff ticket, the
/// escalation notice and the poison envelope, plus the small values the tables store beside them. Use
/// <see cref="SocialBotJson.Messages"/> (or <see cref="SocialBotJson.Options"/>), not <c>Default</c>: only they carry
/// the encoder that writes emoji as characters and the kebab-case enum strings of the wire format.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(Mention))]
[JsonSerializable(typeof(OutgoingReply))]
[JsonSerializable(typeof(HandoffTicket))]
[JsonSerializable(typeof(EscalationNotice))]
[JsonSerializable(typeof(PoisonMessage))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(List<HandoffAuditEntry>))]
[JsonSerializable(typeof(List<RecentMention>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(string[]))]
public sealed partial class SocialBotJsonContext : JsonSerializerContext;
