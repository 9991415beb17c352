// The Teams tab pages' one script (served from this host, like TeamsJS itself: no CDN, no inline script).
// <body data-mode="personal|channel|configure" data-sso=".." data-next=".." data-content=".." data-tab-name="..">
//   personal, channel: initialize TeamsJS, get the SSO token, exchange it for the dashboard session, then load data-next.
//   configure: the user confirms, then Save stores the channel tab's content URL (pages.config).
(function () {
  'use strict';
  var page = document.body.dataset;

  function show(id) {
    var all = document.querySelectorAll('[data-state]');
    for (var i = 0; i < all.length; i++) all[i].hidden = all[i].id !== id;
  }

  function signIn() {
    return microsoftTeams.authentication.getAuthToken().then(function (token) {
      return fetch(page.sso, { method: 'POST', credentials: 'same-origin', headers: { Authorization: 'Bearer ' + token } });
    }).then(function (response) {
      if (!response.ok) throw new Error('The sign-in was refused: ' + response.status);
    });
  }

  function configure(context) {
    var channel = context.channel, team = context.team;
    if (!channel || !channel.id || !team || !team.internalId) {
      show('channels-only');
      return;
    }
    var content = new URL(page.content, window.location.href);
    content.searchParams.set('team', team.internalId);
    content.searchParams.set('channel', channel.id);
    microsoftTeams.pages.config.registerOnSaveHandler(function (save) {
      microsoftTeams.pages.config.setConfig({
        entityId: 'channel-kudos',
        contentUrl: content.href,
        websiteUrl: content.href,
        suggestedDisplayName: page.tabName
      }).then(function () { save.notifySuccess(); }, function (e) { save.notifyFailure(String(e)); });
    });
    show('confirm');
    document.getElementById('confirm-button').addEventListener('click', function () {
      microsoftTeams.pages.config.setValidityState(true);
      show('ready');
    });
  }

  if (typeof microsoftTeams === 'undefined') {
    show('outside');
    return;
  }
  microsoftTeams.app.initialize().then(function () {
    return microsoftTeams.app.getContext();
  }).then(function (context) {
    if (page.mode === 'configure') return configure(context);
    return signIn().then(function () {
      var next = new URL(page.next, window.location.href);
      var here = new URLSearchParams(window.location.search);
      ['team', 'channel'].forEach(function (name) { if (here.get(name)) next.searchParams.set(name, here.get(name)); });
      window.location.replace(next.href);
    });
  }).catch(function (e) {
    if (window.console) console.warn(e);
    show('failed');
  });
})();
