metadata description = 'SocialBot on Azure: a Flex Consumption .NET 10 isolated-worker function app (VNet-integrated), its storage queues and tables behind private endpoints, Azure AI Language, an Azure Bot with its own identity, and monitoring; the app reaches storage, Language and monitoring through one user-assigned managed identity with per-queue, per-table and per-container roles.'

targetScope = 'resourceGroup'

@description('Short name used in every resource name; azd passes its environment name here.')
@minLength(1)
@maxLength(16)
param environmentName string = 'socialbot'

@description('Azure region of every regional resource (the Azure Bot is global).')
param location string = resourceGroup().location

@description('IANA time zone of the staffed hours, e.g. America/New_York.')
param timeZone string

@description('Staffed windows per day, local wall-clock times in timeZone, e.g. { Monday: [\'09:00-17:00\'] }. Absent days are closed.')
param weeklyHours weeklyHoursType

@description('Whole local dates (yyyy-MM-dd) when nobody is staffed.')
param closedDates string[] = []

@description('Team name used in after-hours acknowledgements.')
param teamName string

@description('After-hours e-mail address offered to customers (empty for none).')
param afterHoursEmail string = ''

@description('After-hours voicemail number offered to customers (empty for none).')
param afterHoursVoicemail string = ''

@description('The team\'s own handles and author ids; mentions from them are ignored.')
param ownAccounts string[] = []

@description('Name of an existing Key Vault in this resource group holding the social network secrets (docs/networks.md); the app reads them as Key Vault references with its identity.')
param networkKeyVaultName string = ''

@description('X: the numeric user id of the account whose mentions are answered; empty leaves X off. Secrets x-consumer-key, x-consumer-secret, x-access-token, x-access-token-secret in the vault.')
param xUserId string = ''

@description('X: the account handle (without @); brand searches exclude posts that mention it.')
param xHandle string = ''

@description('X: brand search queries (posts that name the brand without mentioning the account).')
param xBrandQueries string[] = []

@description('Bluesky: the account handle, e.g. markethall.bsky.social; empty leaves Bluesky off. Secret bluesky-app-password in the vault.')
param blueskyHandle string = ''

@description('Bluesky: brand search queries.')
param blueskyBrandQueries string[] = []

@description('Mastodon: the instance URL, e.g. https://mastodon.social; empty leaves Mastodon off. Secret mastodon-access-token in the vault.')
param mastodonInstanceUrl string = ''

@description('Mastodon: brand hashtags (without #).')
param mastodonBrandHashtags string[] = []

@description('When the network pollers run (six-field NCRONTAB); each poller still decides itself whether a poll is due.')
param networkPollSchedule string = '*/10 * * * * *'

@description('When the SweepRetention timer purges data older than the retention period (six-field NCRONTAB, UTC).')
param retentionSchedule string = '0 30 3 * * *'

@description('Sentiment analyzer: embedded (offline lexicon), azure (Azure AI Language) or cascade (embedded first, Azure when unsure).')
param sentimentAnalyzer 'embedded' | 'azure' | 'cascade' = 'cascade'

@description('Azure AI Language tier: F0 (free, one per subscription) or S (pay as you go).')
param languageSku 'F0' | 'S' = 'S'

@description('Azure Bot tier: F0 (free, standard channels) or S1.')
param botSku 'F0' | 'S1' = 'F0'

@description('Also connect the Microsoft Teams channel to the Azure Bot.')
param enableTeamsChannel bool = false

@description('Flex Consumption dotnet-isolated runtime version (the app targets .NET 10).')
param functionRuntimeVersion '10.0' = '10.0'

@description('Most Flex Consumption instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each Flex Consumption instance in MB.')
param instanceMemoryMB 512 | 2048 | 4096 = 2048

@description('Facebook Page id for the Meta connector (empty: Facebook and Instagram off). Its secrets go in the Key Vault this creates.')
param metaPageId string = ''

@description('Instagram professional account id linked to the Page (empty: Instagram off).')
param metaInstagramAccountId string = ''

@description('Staffed windows by day name; each window is HH:mm-HH:mm and may run past midnight.')
type weeklyHoursType = {
  Monday: string[]?
  Tuesday: string[]?
  Wednesday: string[]?
  Thursday: string[]?
  Friday: string[]?
  Saturday: string[]?
  Sunday: string[]?
}

@description('Turns a list into indexed configuration keys: <prefix>__0, <prefix>__1, ...')
func indexedSettings(prefix string, values string[]) { *: string } =>
  toObject(range(0, length(values)), i => '${prefix}__${i}', i => values[i])

@description('An app setting value that the Functions platform resolves from Key Vault with the app\'s identity.')
func keyVaultReference(vaultName string, secretName string) string => '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretName})'

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = {
  'azd-env-name': environmentName
  application: 'socialbot'
}

var queues = {
  Mentions: 'mentions'
  Replies: 'replies'
  Handoffs: 'handoffs'
  UrgentHandoffs: 'handoffs-urgent'
  Notifications: 'notifications'
}
var tableNames = [
  'conversations'
  'handoffs'
  'sentreplies'
  'outbox'
  'networks'
  'optouts'
]
var deploymentContainerName = 'app-package'
var hostContainerNames = ['azure-webjobs-hosts', 'azure-webjobs-secrets']

// Names are known before deployment, so modules get them from here rather than from outputs (what-if stays precise).
var names = {
  identity: 'id-${environmentName}-${resourceToken}'
  botIdentity: 'id-bot-${environmentName}-${resourceToken}'
  vnet: 'vnet-${environmentName}-${resourceToken}'
  storage: take('st${toLower(replace(environmentName, '-', ''))}${resourceToken}', 24)
  workspace: 'log-${environmentName}-${resourceToken}'
  appInsights: 'appi-${environmentName}-${resourceToken}'
  language: 'lang-${environmentName}-${resourceToken}'
  plan: 'plan-${environmentName}-${resourceToken}'
  functionApp: 'func-${environmentName}-${resourceToken}'
  bot: 'bot-${environmentName}-${resourceToken}'
  metaVault: take('kv-${toLower(replace(environmentName, '_', '-'))}-${resourceToken}', 24)
}

var enableMeta = !empty(metaPageId)

// The Meta connector's secrets are Key Vault references resolved with the app's identity (keyVaultReferenceIdentity).
func metaSecret(vault string, secret string) string => '@Microsoft.KeyVault(VaultName=${vault};SecretName=${secret})'

var metaSettings = enableMeta
  ? union(
      {
        SocialBot__Networks__Meta__PageId: metaPageId
        SocialBot__Networks__Meta__AppSecret: metaSecret(names.metaVault, 'meta-app-secret')
        SocialBot__Networks__Meta__VerifyToken: metaSecret(names.metaVault, 'meta-verify-token')
        SocialBot__Networks__Meta__PageAccessToken: metaSecret(names.metaVault, 'meta-page-access-token')
      },
      empty(metaInstagramAccountId) ? {} : { SocialBot__Networks__Meta__InstagramAccountId: metaInstagramAccountId }
    )
  : {}

var identityResourceId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', names.identity)

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

// The Azure Bot authenticates as its own identity: it holds no storage, Language or monitoring role.
module botIdentity 'modules/identity.bicep' = {
  name: 'botIdentity'
  params: {
    name: names.botIdentity
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    queueNames: map(items(queues), q => q.value)
    tableNames: tableNames
    deploymentContainerName: deploymentContainerName
    hostContainerNames: hostContainerNames
  }
}

module network 'modules/network.bicep' = {
  name: 'network'
  params: {
    name: names.vnet
    location: location
    tags: tags
    storageAccountName: names.storage
  }
  dependsOn: [
    storage
  ]
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    location: location
    tags: tags
  }
}

module language 'modules/language.bicep' = {
  name: 'language'
  params: {
    name: names.language
    location: location
    tags: tags
    sku: languageSku
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: identity.outputs.principalId
    identityId: identityResourceId
    storageAccountName: names.storage
    queueNames: flatten(map(items(queues), q => [q.value, '${q.value}-poison']))
    tableNames: tableNames
    hostContainerNames: hostContainerNames
    deploymentContainerName: deploymentContainerName
    appInsightsName: names.appInsights
    languageAccountName: names.language
  }
  dependsOn: [
    storage
    monitoring
    language
  ]
}

// Social networks: identifiers as plain settings, credentials only as Key Vault references (never in the template).
var networkSettings = union(
  empty(xUserId) ? {} : {
    SocialBot__Networks__X__UserId: xUserId
    SocialBot__Networks__X__Handle: xHandle
    SocialBot__Networks__X__ConsumerKey: keyVaultReference(networkKeyVaultName, 'x-consumer-key')
    SocialBot__Networks__X__ConsumerSecret: keyVaultReference(networkKeyVaultName, 'x-consumer-secret')
    SocialBot__Networks__X__AccessToken: keyVaultReference(networkKeyVaultName, 'x-access-token')
    SocialBot__Networks__X__AccessTokenSecret: keyVaultReference(networkKeyVaultName, 'x-access-token-secret')
  },
  empty(xUserId) ? {} : indexedSettings('SocialBot__Networks__X__BrandQueries', xBrandQueries),
  empty(blueskyHandle) ? {} : {
    SocialBot__Networks__Bluesky__Handle: blueskyHandle
    SocialBot__Networks__Bluesky__AppPassword: keyVaultReference(networkKeyVaultName, 'bluesky-app-password')
  },
  empty(blueskyHandle) ? {} : indexedSettings('SocialBot__Networks__Bluesky__BrandQueries', blueskyBrandQueries),
  empty(mastodonInstanceUrl) ? {} : {
    SocialBot__Networks__Mastodon__InstanceUrl: mastodonInstanceUrl
    SocialBot__Networks__Mastodon__AccessToken: keyVaultReference(networkKeyVaultName, 'mastodon-access-token')
  },
  empty(mastodonInstanceUrl) ? {} : indexedSettings('SocialBot__Networks__Mastodon__BrandHashtags', mastodonBrandHashtags)
)

resource networkSecrets 'Microsoft.KeyVault/vaults@2023-07-01' existing = if (!empty(networkKeyVaultName)) {
  name: networkKeyVaultName
}

// Key Vault Secrets User on the vault only: the app reads the network secrets, nothing else.
resource networkSecretsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(networkKeyVaultName)) {
  name: guid(resourceGroup().id, networkKeyVaultName, identityResourceId, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: networkSecrets
  properties: {
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
  }
}

var socialBotSettings = union(
  {
    SocialBot__StaffedHours__TimeZone: timeZone
    SocialBot__AfterHours__TeamName: teamName
    SocialBot__Sentiment__Analyzer: sentimentAnalyzer
    SocialBot__Language__Endpoint: language.outputs.endpoint
    SocialBot__Language__ManagedIdentityClientId: identity.outputs.clientId
    SocialBot__Bot__AppId: botIdentity.outputs.clientId
    SocialBot__Bot__TenantId: tenant().tenantId
    SocialBot__Bot__AppType: 'UserAssignedMSI'
    SocialBot__Bot__ManagedIdentityClientId: botIdentity.outputs.clientId
    SocialBot__Networks__PollSchedule: networkPollSchedule
    SocialBot__Retention__Schedule: retentionSchedule
  },
  toObject(items(queues), q => 'SocialBot__Queues__${q.key}', q => q.value),
  reduce(
    items(weeklyHours),
    {},
    (settings, day) => union(settings, indexedSettings('SocialBot__StaffedHours__Weekly__${day.key}', day.value ?? []))
  ),
  indexedSettings('SocialBot__StaffedHours__Closed', closedDates),
  indexedSettings('SocialBot__OwnAccounts', ownAccounts),
  empty(afterHoursEmail) ? {} : { SocialBot__AfterHours__Email: afterHoursEmail },
  empty(afterHoursVoicemail) ? {} : { SocialBot__AfterHours__Voicemail: afterHoursVoicemail },
  metaSettings,
  networkSettings
)

module metaSecrets 'modules/metasecrets.bicep' = if (enableMeta) {
  name: 'metaSecrets'
  params: {
    name: names.metaVault
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    identityId: identityResourceId
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    botIdentityId: botIdentity.outputs.id
    subnetId: network.outputs.appSubnetId
    storageAccountName: names.storage
    deploymentContainerName: deploymentContainerName
    appInsightsName: names.appInsights
    runtimeVersion: functionRuntimeVersion
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    socialBotSettings: socialBotSettings
  }
  dependsOn: [
    storage
    monitoring
    roles
    metaSecrets
  ]
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: names.bot
    displayName: teamName
    tags: tags
    sku: botSku
    endpoint: 'https://${functionApp.outputs.defaultHostName}/api/messages'
    identityId: botIdentity.outputs.id
    identityClientId: botIdentity.outputs.clientId
    tenantId: tenant().tenantId
    enableTeamsChannel: enableTeamsChannel
  }
}

@description('Name of the function app (for az functionapp deploy).')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Default host name of the function app.')
output functionAppHostName string = functionApp.outputs.defaultHostName

@description('The Azure Bot messaging endpoint.')
output messagingEndpoint string = 'https://${functionApp.outputs.defaultHostName}/api/messages'

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.name

@description('Name of the Azure Bot resource.')
output botName string = bot.outputs.name

@description('Name of the Application Insights component.')
output appInsightsName string = monitoring.outputs.appInsightsName

@description('Endpoint of the Azure AI Language account.')
output languageEndpoint string = language.outputs.endpoint

@description('Key Vault for the Meta connector\'s secrets (empty when it is off).')
output metaVaultName string = enableMeta ? names.metaVault : ''

@description('Client id of the app managed identity; an identifier, not a credential.')
output identityClientId string = identity.outputs.clientId

@description('Client id of the bot managed identity (the bot app id); an identifier, not a credential.')
output botIdentityClientId string = botIdentity.outputs.clientId
