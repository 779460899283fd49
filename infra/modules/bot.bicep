metadata description = 'Azure Bot registration whose app identity is the user-assigned managed identity (msaAppType UserAssignedMSI): no app password exists.'

@description('Name of the Azure Bot resource (also its handle).')
param name string

@description('Display name shown in channels.')
param displayName string

@description('Tags for the resource.')
param tags { *: string }

@description('F0 (free; standard channels unlimited) or S1.')
@allowed([
  'F0'
  'S1'
])
param sku string

@description('Messaging endpoint, https://<app host>/api/messages.')
param endpoint string

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity; the bot app id.')
param identityClientId string

@description('Tenant of the identity.')
param tenantId string

@description('Also connect the Microsoft Teams channel (Web Chat is always there).')
param enableTeamsChannel bool

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: identityClientId
    msaAppType: 'UserAssignedMSI'
    msaAppTenantId: tenantId
    msaAppMSIResourceId: identityId
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = if (enableTeamsChannel) {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('Name of the Azure Bot resource.')
output name string = bot.name

@description('Resource id of the Azure Bot resource.')
output id string = bot.id
