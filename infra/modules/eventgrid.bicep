// Uploads are events, not blob triggers (docs/architecture.md, Uploads are events): an Event Grid system topic on the
// storage account and one BlobCreated subscription per entry of names.json's blobEventSubscriptions (generated from
// FuncLabel.Data.StorageNames), each delivering Event Grid-schema events to a storage queue. The container filter is
// the subject prefix /blobServices/default/containers/<container>/; an empty suffix means no suffix filter.
// The topic delivers with its own system-assigned identity (the account has no keys), which may only add messages.

@description('Azure region (the storage account\'s).')
param location string

@description('System topic name.')
param topicName string

@description('The storage account whose blob events are published; the queues are in it too.')
param storageAccountName string

@description('Subscriptions: name, container, subjectBeginsWith, subjectEndsWith (empty: none), queue.')
param subscriptions { name: string, container: string, subjectBeginsWith: string, subjectEndsWith: string, queue: string }[]

param tags object

// Built-in role: Storage Queue Data Message Sender.
var queueMessageSenderRoleId = 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: topicName
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource topicSendsToQueues 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, topic.id, queueMessageSenderRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', queueMessageSenderRoleId)
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource blobCreated 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = [
  for subscription in subscriptions: {
    parent: topic
    name: subscription.name
    properties: {
      eventDeliverySchema: 'EventGridSchema'
      filter: {
        includedEventTypes: ['Microsoft.Storage.BlobCreated']
        subjectBeginsWith: subscription.subjectBeginsWith
        subjectEndsWith: subscription.subjectEndsWith
        isSubjectCaseSensitive: false
      }
      deliveryWithResourceIdentity: {
        identity: {
          type: 'SystemAssigned'
        }
        destination: {
          endpointType: 'StorageQueue'
          properties: {
            resourceId: storage.id
            queueName: subscription.queue
            // -1: messages never expire; a backlog waits for the app instead of being dropped after 7 days.
            queueMessageTimeToLiveInSeconds: -1
          }
        }
      }
      retryPolicy: {
        maxDeliveryAttempts: 30
        eventTimeToLiveInMinutes: 1440
      }
    }
    dependsOn: [topicSendsToQueues]
  }
]

output topicName string = topic.name
