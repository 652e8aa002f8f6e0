// Check-in: scan a registration's QR code with the phone's camera where the
// browser can read QR codes (BarcodeDetector), then send the code as if typed.
// Without it, the page works the same by typing the code.
(function () {
  "use strict";
  var button = document.getElementById("scan");
  var video = document.getElementById("scanner");
  var input = document.getElementById("checkin-code");
  if (!button || !video || !input || !("BarcodeDetector" in window) || !navigator.mediaDevices) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" } })
      .then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        button.hidden = true;
        return video.play().then(function () {
          var look = function () {
            detector
              .detect(video)
              .then(function (codes) {
                if (codes.length > 0) {
                  stream.getTracks().forEach(function (track) { track.stop(); });
                  input.value = codes[0].rawValue;
                  input.form.submit();
                } else {
                  window.requestAnimationFrame(look);
                }
              })
              .catch(function () { window.requestAnimationFrame(look); });
          };
          look();
        });
      })
      .catch(function () {
        button.hidden = true;
        input.focus();
      });
  });
})();
