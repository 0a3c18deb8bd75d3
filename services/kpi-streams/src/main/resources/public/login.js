// The login page's notice: a refused sign-in (?loi=1) or a sign-out (?da-dang-xuat=1).
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var notice = document.getElementById('notice');
  if (params.has('loi')) {
    notice.textContent = 'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản chưa được cấp quyền. Sau 5 lần sai, việc đăng nhập tạm khóa 15 phút.';
    notice.hidden = false;
  } else if (params.has('da-dang-xuat')) {
    notice.textContent = 'Bạn đã đăng xuất.';
    notice.className = 'notice info';
    notice.hidden = false;
  }
  // the province's OpenID Connect provider, when the service has one
  fetch('/login/options', {headers: {'Accept': 'application/json'}})
    .then(function (response) { return response.ok ? response.json() : {}; })
    .then(function (options) {
      if (options.provider) {
        var link = document.getElementById('provider-link');
        link.textContent = 'Đăng nhập bằng ' + options.provider.label;
        link.href = options.provider.url;
        document.getElementById('provider').hidden = false;
      }
    })
    .catch(function () { /* the password form stays */ });
}());
