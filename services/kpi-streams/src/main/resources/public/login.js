// The login page's notice: a refused sign-in (?loi=1) or a sign-out (?da-dang-xuat=1).
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var notice = document.getElementById('notice');
  if (params.has('loi')) {
    notice.textContent = 'Tên đăng nhập hoặc mật khẩu không đúng. Sau 5 lần sai, việc đăng nhập tạm khóa 15 phút.';
    notice.hidden = false;
  } else if (params.has('da-dang-xuat')) {
    notice.textContent = 'Bạn đã đăng xuất.';
    notice.className = 'notice info';
    notice.hidden = false;
  }
}());
