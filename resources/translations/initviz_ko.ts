<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name></name>
    <message>
        <source>distinct units: {0} of {1}, in every layer</source>
        <translation>서로 다른 뉴런: {1}개 중 {0}개, 모든 층에서</translation>
    </message>
    <message>
        <source>distinct units: at most {0} of {1}</source>
        <translation>서로 다른 뉴런: {1}개 중 최대 {0}개</translation>
    </message>
    <message>
        <source>dL/dz std: {0} at layer {1}, {2} at layer 1 (×{3} per layer; χ₁ = {4})</source>
        <translation>dL/dz 표준편차: {1}층 {0}, 1층 {2} (층마다 ×{3}; χ₁ = {4})</translation>
    </message>
    <message>
        <source>dL/dz shrinks {0}× per layer: std {1} at layer {2}, {3} at layer 1</source>
        <translation>dL/dz가 층마다 {0}배 줄어듦: 표준편차 {2}층 {1}, 1층 {3}</translation>
    </message>
    <message>
        <source>activation std at layer {0}: {1};  dL/dz shrinks {2}× per layer</source>
        <translation>{0}층 활성화값 표준편차: {1};  dL/dz는 층마다 {2}배 줄어듦</translation>
    </message>
    <message>
        <source>activation std shrinks {0}× per layer: {1} at layer 1, {2} at layer {3}</source>
        <translation>활성화값 표준편차가 층마다 {0}배 줄어듦: 1층 {1}, {3}층 {2}</translation>
    </message>
    <message>
        <source>variance ×{0} per layer (predicted ×0.5): std {1} at layer 1, {2} at layer {3}</source>
        <translation>분산이 층마다 ×{0} (예측 ×0.5): 표준편차 1층 {1}, {3}층 {2}</translation>
    </message>
    <message>
        <source>std at layer 1: {0}, at layer {1}: {2}; predicted {3} in every layer</source>
        <translation>표준편차 1층 {0}, {1}층 {2}; 예측은 모든 층에서 {3}</translation>
    </message>
    <message>
        <source>std at layer {0}: {1} with 2/√n (×{2} per layer), {3} with √(2/n)</source>
        <translation>{0}층 표준편차: 2/√n이면 {1} (층마다 ×{2}), √(2/n)이면 {3}</translation>
    </message>
    <message>
        <source>z std at layer 1: {0} with 1/√fan_in, {1} with √(2/(fan_in + fan_out))</source>
        <translation>1층 z 표준편차: 1/√fan_in이면 {0}, √(2/(fan_in + fan_out))이면 {1}</translation>
    </message>
    <message>
        <source>std at layer {0}: {1}, predicted {2} (depth/width = {3})</source>
        <translation>{0}층 표준편차: {1}, 예측 {2} (깊이/너비 = {3})</translation>
    </message>
    <message>
        <source>critical σ_w² at σ_b² = {0}: {1};  this run: χ₁ = {2}</source>
        <translation>σ_b² = {0}에서 임계 σ_w²: {1};  이 실행: χ₁ = {2}</translation>
    </message>
    <message>
        <source>final loss: {0} (ln 10 = 2.30: chance)</source>
        <translation>최종 손실: {0} (ln 10 = 2.30: 무작위 추측)</translation>
    </message>
    <message>
        <source>Equal weights: a hundred copies of one unit</source>
        <extracomment>What a step can show (the window&apos;s views and the quantities of its Show menu). A network that widens from 100 inputs to 400 units: fan_in and fan_out differ in layer 1. Tanh at the published critical point of sigma_b^2 = 0.05 (Schoenholz et al. 2017).</extracomment>
        <translation>같은 가중치: 한 뉴런의 복사본 백 개</translation>
    </message>
    <message>
        <source>Every weight is 0.1, so every unit of a layer computes exactly the same function of its inputs: each column of the map is the same. On the way back each unit also receives the same gradient, so training changes them all alike and can never tell them apart. A hundred units are worth one.</source>
        <translation>모든 가중치가 0.1이므로 한 층의 모든 뉴런이 입력에 대해 정확히 같은 함수를 계산합니다. 그래서 그림의 모든 열이 같습니다. 역전파에서도 모든 뉴런이 같은 기울기를 받으므로, 학습은 뉴런들을 똑같이 바꿀 뿐 서로 구별되게 만들지 못합니다(대칭성). 뉴런 백 개의 표현력이 뉴런 하나와 같습니다.</translation>
    </message>
    <message>
        <source>Wᵢⱼ = c  ⇒  aⱼ = φ(c · Σᵢ xᵢ) for every unit j</source>
        <translation>모든 뉴런 j에 대해  Wᵢⱼ = c  ⇒  aⱼ = φ(c · Σᵢ xᵢ)</translation>
    </message>
    <message>
        <source>Sigmoid, std 1: saturated, yet the gradient keeps its size</source>
        <translation>시그모이드, 표준편차 1: 포화되었는데도 기울기는 크기를 유지한다</translation>
    </message>
    <message>
        <source>With weights N(0, 1) the inputs of each sigmoid are large, so the activations pile up at 0 and 1 and about half the units are saturated: each passes back almost none of its gradient. Yet the gradient with respect to z keeps its size through these 5 layers, because weights ten times larger make up for the small slopes. The vanishing gradient comes from the next step.</source>
        <translation>가중치가 N(0, 1)이면 시그모이드의 입력이 커서 활성화값이 0과 1에 몰리고, 뉴런의 절반가량이 포화됩니다. 포화된 뉴런은 기울기를 거의 전달하지 못합니다. 그런데도 z에 대한 기울기는 이 5개 층을 지나는 동안 크기를 유지합니다. 열 배 큰 가중치가 작은 미분값을 메워 주기 때문입니다. 기울기 소실은 다음 단계에서 나타납니다.</translation>
    </message>
    <message>
        <source>χ₁ = σ_w² · E[σ′(z)²] = 100 · E[σ′(z)²] ≈ 1</source>
        <translation>χ₁ = σ_w² · E[σ′(z)²] = 100 · E[σ′(z)²] ≈ 1</translation>
    </message>
    <message>
        <source>Sigmoid, std 0.01: the gradient vanishes</source>
        <translation>시그모이드, 표준편차 0.01: 기울기가 소실된다</translation>
    </message>
    <message>
        <source>With tiny weights every input of a sigmoid is near 0, so the activations crowd at 0.5 and every unit says nearly the same thing. Going back, each layer multiplies the gradient by the slope 1/4 times the weights&apos; scale 0.01 · √100: it shrinks about forty times per layer. This is the case whose gradients vanish.</source>
        <translation>가중치가 아주 작으면 시그모이드의 입력이 모두 0 근처라서 활성화값이 0.5에 몰리고, 모든 뉴런이 거의 같은 값을 냅니다. 역전파에서는 층마다 기울기에 미분값 1/4과 가중치 크기 0.01 · √100을 곱하므로, 기울기가 층마다 약 40분의 1로 줄어듭니다. 기울기가 소실되는 것은 바로 이 경우입니다.</translation>
    </message>
    <message>
        <source>per layer: σ′(0) · σ · √n = ¼ · 0.01 · √100 = 1/40</source>
        <translation>층마다: σ′(0) · σ · √n = ¼ · 0.01 · √100 = 1/40</translation>
    </message>
    <message>
        <source>Sigmoid, Xavier: spread activations, shrinking gradients</source>
        <translation>시그모이드, Xavier: 고르게 퍼진 활성화값, 줄어드는 기울기</translation>
    </message>
    <message>
        <source>The note&apos;s &quot;Xavier&quot; scales the weights by 1/√n: the activations stay spread over every layer and none saturate. The gradients still shrink about four times per layer, because the sigmoid&apos;s slope is at most 1/4. This is why tanh, and later ReLU with He, took over.</source>
        <translation>강의 노트의 &quot;Xavier&quot;는 가중치를 1/√n로 조정합니다. 활성화값이 모든 층에서 고르게 퍼지고 포화되는 뉴런이 없습니다. 그래도 시그모이드의 미분값은 최대 1/4이라서 기울기는 층마다 약 4분의 1로 줄어듭니다. 그래서 tanh가, 나중에는 ReLU와 He 초깃값이 널리 쓰이게 되었습니다.</translation>
    </message>
    <message>
        <source>σ = 1/√n  (LeCun 1998; the note&apos;s &quot;Xavier&quot;),   σ′(z) ≤ ¼</source>
        <translation>σ = 1/√n  (LeCun 1998; 노트의 &quot;Xavier&quot;),   σ′(z) ≤ ¼</translation>
    </message>
    <message>
        <source>ReLU, std 0.01: the signal fades</source>
        <translation>ReLU, 표준편차 0.01: 신호가 사라진다</translation>
    </message>
    <message>
        <source>ReLU passes the positive half of its inputs unchanged. With weights of std 0.01 each layer multiplies the spread by 0.01 · √(100/2), so the activations shrink toward 0 layer after layer.</source>
        <translation>ReLU는 입력 중 양수인 절반을 그대로 통과시킵니다. 가중치의 표준편차가 0.01이면 층마다 퍼진 정도에 0.01 · √(100/2)를 곱하므로, 활성화값이 층을 지날수록 0으로 줄어듭니다.</translation>
    </message>
    <message>
        <source>per layer: σ · √(n/2) = 0.01 · √50 ≈ 0.07</source>
        <translation>층마다: σ · √(n/2) = 0.01 · √50 ≈ 0.07</translation>
    </message>
    <message>
        <source>ReLU with Xavier: the variance halves every layer</source>
        <translation>ReLU와 Xavier: 층마다 분산이 절반으로</translation>
    </message>
    <message>
        <source>Xavier&apos;s 1/√n keeps the variance for a symmetric activation, but ReLU zeroes half of its inputs. So the variance halves in every layer and the histograms slide toward 0. In a deep network nothing would be left.</source>
        <translation>Xavier의 1/√n은 대칭인 활성화 함수에서는 분산을 유지하지만, ReLU는 입력의 절반을 0으로 만듭니다. 그래서 층마다 분산이 절반이 되고 히스토그램이 0 쪽으로 밀려납니다. 깊은 신경망이라면 아무것도 남지 않을 것입니다.</translation>
    </message>
    <message>
        <source>Var zₗ = n σ² · ½ Var zₗ₋₁ = ½ Var zₗ₋₁   (σ = 1/√n)</source>
        <translation>Var zₗ = n σ² · ½ Var zₗ₋₁ = ½ Var zₗ₋₁   (σ = 1/√n)</translation>
    </message>
    <message>
        <source>ReLU with He: the spread holds</source>
        <translation>ReLU와 He: 퍼진 정도가 유지된다</translation>
    </message>
    <message>
        <source>He&apos;s std √(2/n) doubles the variance to make up for the half that ReLU zeroes, so every layer has the spread of the one before: the predicted curve is the same in each. The measured std wanders by a few percent per layer, up or down with the seed: that is finite width, not a trend.</source>
        <translation>He 초깃값의 표준편차 √(2/n)은 ReLU가 0으로 만드는 절반을 메우려고 분산을 두 배로 합니다. 그래서 모든 층이 앞 층과 같은 정도로 퍼지고, 예측 곡선은 층마다 같습니다. 측정한 표준편차가 층마다 몇 퍼센트씩 오르내리는 것은 시드에 따른 것으로, 너비가 유한하기 때문이지 추세가 아닙니다.</translation>
    </message>
    <message>
        <source>σ = √(2/n)   (He et al. 2015):   Var zₗ = n · (2/n) · ½ Var zₗ₋₁ = Var zₗ₋₁</source>
        <translation>σ = √(2/n)   (He et al. 2015):   Var zₗ = n · (2/n) · ½ Var zₗ₋₁ = Var zₗ₋₁</translation>
    </message>
    <message>
        <source>The note&apos;s 2/√n is not He&apos;s √(2/n)</source>
        <translation>노트의 2/√n은 He의 √(2/n)이 아니다</translation>
    </message>
    <message>
        <source>The lecture note writes He&apos;s std as 2/√n. That is √(4/n): it doubles the variance in every layer, and the activations grow about √2 times per layer. He et al. use √(2/n), drawn below it, which holds.</source>
        <translation>강의 노트는 He 초깃값의 표준편차를 2/√n으로 적었습니다. 이는 √(4/n)이라서 층마다 분산이 두 배가 되고, 활성화값이 층마다 약 √2배씩 커집니다. He 등의 논문은 √(2/n)을 쓰며, 그 아래에 그린 이 초깃값은 퍼진 정도를 유지합니다.</translation>
    </message>
    <message>
        <source>2/√n = √(4/n):  Var × 2 per layer;     √(2/n):  Var × 1</source>
        <translation>2/√n = √(4/n):  층마다 Var × 2;     √(2/n):  Var × 1</translation>
    </message>
    <message>
        <source>The note&apos;s &quot;Xavier&quot; is LeCun&apos;s; Glorot&apos;s differs</source>
        <translation>노트의 &quot;Xavier&quot;는 LeCun의 것이고, Glorot의 것은 다르다</translation>
    </message>
    <message>
        <source>The std 1/√n that the note calls Xavier is LeCun&apos;s 1/√fan_in. Glorot and Bengio average fan-in and fan-out, to balance the forward and the backward pass. With equal widths, as in every book figure, the two are the same; here 100 inputs widen to 400 units, and Glorot&apos;s first layer starts narrower.</source>
        <translation>노트가 Xavier라고 부르는 표준편차 1/√n은 LeCun의 1/√fan_in입니다. Glorot과 Bengio는 순전파와 역전파의 균형을 맞추려고 fan_in과 fan_out을 평균합니다. 책의 그림처럼 층의 너비가 모두 같으면 둘은 같지만, 여기서는 입력 100개가 뉴런 400개로 넓어지므로 Glorot의 첫 층이 더 좁게 시작합니다.</translation>
    </message>
    <message>
        <source>LeCun: σ = 1/√fan_in = 0.1     Glorot: σ = √(2/(fan_in + fan_out)) = √(2/500) ≈ 0.063</source>
        <translation>LeCun: σ = 1/√fan_in = 0.1     Glorot: σ = √(2/(fan_in + fan_out)) = √(2/500) ≈ 0.063</translation>
    </message>
    <message>
        <source>1000 layers of 100 units: where the prediction stops</source>
        <translation>뉴런 100개짜리 층 1000개: 예측이 멈추는 곳</translation>
    </message>
    <message>
        <source>The mean-field prediction assumes infinitely wide layers: for ReLU with He it is flat at every depth. Each real layer of 100 units multiplies the spread by a random factor close to 1, and over 1000 layers these factors compound. What matters is depth divided by width (Hanin &amp; Rolnick 2018).</source>
        <translation>평균장 예측은 층의 너비가 무한하다고 가정하므로, ReLU와 He 초깃값에서는 어느 깊이에서나 평평합니다. 실제로 뉴런 100개짜리 층은 퍼진 정도에 1에 가까운 무작위 인수를 곱하고, 1000개 층을 지나면 이 인수들이 누적됩니다. 중요한 것은 깊이를 너비로 나눈 값입니다(Hanin &amp; Rolnick 2018).</translation>
    </message>
    <message>
        <source>Var(log ‖aₗ‖²) grows like Σₗ 1/nₗ ≈ depth / width</source>
        <translation>Var(log ‖aₗ‖²)는 Σₗ 1/nₗ ≈ 깊이 / 너비 처럼 커진다</translation>
    </message>
    <message>
        <source>Order, chaos and the edge between them</source>
        <translation>질서, 혼돈, 그리고 그 경계</translation>
    </message>
    <message>
        <source>Every pair of weight variance σ_w² and bias variance σ_b² lies in an ordered phase, where signals and gradients fade, or a chaotic one, where they explode. On the critical line χ₁ = 1 they travel deepest (Poole et al. 2016; Schoenholz et al. 2017). The run sits on it: tanh with σ_b² = 0.05.</source>
        <translation>가중치 분산 σ_w²와 편향 분산 σ_b²의 모든 쌍은 신호와 기울기가 사라지는 질서 상이나 폭발하는 혼돈 상에 놓입니다. 임계선 χ₁ = 1 위에서 신호와 기울기가 가장 깊이 전달됩니다(Poole et al. 2016; Schoenholz et al. 2017). 이 실행은 그 선 위에 있습니다: tanh, σ_b² = 0.05.</translation>
    </message>
    <message>
        <source>χ₁ = σ_w² · E[φ′(√q* z)²] = 1</source>
        <translation>χ₁ = σ_w² · E[φ′(√q* z)²] = 1</translation>
    </message>
    <message>
        <source>Does it change learning?</source>
        <translation>학습도 달라질까?</translation>
    </message>
    <message>
        <source>The book&apos;s network learns MNIST from three initializations. With std 0.01 the loss never leaves ln 10 = 2.30: it guesses. Xavier and He both learn, and He learns fastest, while Xavier lags early on.</source>
        <translation>책의 신경망이 세 가지 가중치 초깃값에서 MNIST를 학습합니다. 표준편차 0.01이면 손실이 ln 10 = 2.30에서 벗어나지 못합니다. 찍기만 하는 셈입니다. Xavier와 He는 둘 다 학습하며, He가 가장 빠르고 Xavier는 초반에 뒤처집니다.</translation>
    </message>
    <message>
        <source>L = −Σ tₖ log softmax(z)ₖ;   chance: ln 10 ≈ 2.30</source>
        <translation>L = −Σ tₖ log softmax(z)ₖ;   무작위 추측: ln 10 ≈ 2.30</translation>
    </message>
    <message>
        <source>This configuration cannot be used: {0}</source>
        <extracomment>The preset ``--self-test`` runs. Qt warnings that say nothing to a user: the offscreen platform (render, --self-test) prints this one for every window it shows.</extracomment>
        <translation>이 구성은 쓸 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>mean {0}</source>
        <extracomment>Pixels kept between the texts of two neighbouring layers. Height of the bars&apos; area of a line at the least (pixels at text zoom 1).</extracomment>
        <translation>평균 {0}</translation>
    </message>
    <message>
        <source>std {0}</source>
        <extracomment>Distance between the left edges of two neighbouring layers (a layer is 1 wide). Pixels kept above the bars for the titles and below them for ticks and numbers. More layers than this go to the deep view. Rows at most: four pinned runs and the controls&apos; run.</extracomment>
        <translation>σ {0}</translation>
    </message>
    <message>
        <source>pred. {0}</source>
        <translation>예측 {0}</translation>
    </message>
    <message>
        <source>layers {0}-{1} of {2}</source>
        <translation>{2}개 층 중 {0}-{1}층</translation>
    </message>
    <message>
        <source>sat. {0}</source>
        <translation>포화 {0}</translation>
    </message>
    <message>
        <source>dead {0}</source>
        <translation>죽은 {0}</translation>
    </message>
    <message>
        <source>outside {0}</source>
        <translation>범위 밖 {0}</translation>
    </message>
    <message>
        <source>non-finite {0}</source>
        <translation>inf·NaN {0}</translation>
    </message>
    <message>
        <source>{0}-layer</source>
        <translation>{0}층</translation>
    </message>
    <message>
        <source>recommended gain: {0}</source>
        <translation>권장 gain: {0}</translation>
    </message>
    <message>
        <source>allowed: {0}; default {1}</source>
        <translation>허용: {0}; 기본값 {1}</translation>
    </message>
    <message>
        <source>Formulas work: 1/sqrt(100), sqrt(2/100)</source>
        <translation>수식도 됩니다: 1/sqrt(100), sqrt(2/100)</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>range: {0}</source>
        <translation>범위: {0}</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>correlation</source>
        <translation>상관계수</translation>
    </message>
    <message>
        <source>Pair correlation</source>
        <translation>쌍 상관계수</translation>
    </message>
    <message>
        <source>activation value</source>
        <extracomment>Milliseconds between two stages of a redraw: long enough for the first stage&apos;s repaint to happen on its own (with 0 ms, Qt merged several stages into one repaint). The fraction axis shows at least 0.1 to 1 (a decade); it reaches down to the smallest non-zero fraction measured, and zeros get a &quot;0&quot; row below (``deep_axes``).</extracomment>
        <translation>활성화값</translation>
    </message>
    <message>
        <source>pre-activation value</source>
        <translation>사전 활성화값</translation>
    </message>
    <message>
        <source>gradient dL/da</source>
        <translation>기울기 dL/da</translation>
    </message>
    <message>
        <source>gradient dL/dz</source>
        <translation>기울기 dL/dz</translation>
    </message>
    <message>
        <source>weight gradient dL/dW</source>
        <translation>가중치 기울기 dL/dW</translation>
    </message>
    <message>
        <source>std (log)</source>
        <translation>표준편차 (로그)</translation>
    </message>
    <message>
        <source>fraction (log)</source>
        <translation>비율 (로그)</translation>
    </message>
    <message>
        <source>log10(count)</source>
        <translation>log10(개수)</translation>
    </message>
    <message>
        <source>count</source>
        <translation>개수</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>측정</translation>
    </message>
    <message>
        <source>mean-field prediction</source>
        <translation>평균장 예측</translation>
    </message>
    <message>
        <source>saturated</source>
        <translation>포화</translation>
    </message>
    <message>
        <source>dead units</source>
        <translation>죽은 뉴런</translation>
    </message>
    <message>
        <source>All layers</source>
        <translation>모든 층</translation>
    </message>
    <message>
        <source>One layer</source>
        <translation>한 층</translation>
    </message>
    <message>
        <source>layer (click one to enlarge it)</source>
        <translation>층 (클릭하면 크게 보기)</translation>
    </message>
    <message>
        <source>All layers: log10(count)</source>
        <translation>모든 층: log10(개수)</translation>
    </message>
    <message>
        <source>dashed: predicted</source>
        <translation>점선: 예측</translation>
    </message>
    <message>
        <source>Saturated, dead</source>
        <translation>포화, 죽은 뉴런</translation>
    </message>
    <message>
        <source>Correlation</source>
        <translation>상관계수</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>{0}층</translation>
    </message>
    <message>
        <source>saturated {0}</source>
        <translation>포화 {0}</translation>
    </message>
    <message>
        <source>the image would be {0} x {1} pixels; allowed: 16 to {2} pixels a side</source>
        <extracomment>The last chunk of every complete PNG file. The scale of an exported PNG unless the user picks another (print and slides want more pixels than a laptop screen has). The largest exported image side, in pixels (a 16000 x 16000 ARGB image is 1 GB). Pixel sizes (at scale 1) of the title and the footer, and the margin around them.</extracomment>
        <translation>이미지가 {0} x {1} 픽셀이 됩니다. 한 변은 16에서 {2} 픽셀까지 허용됩니다</translation>
    </message>
    <message>
        <source>the image could not be saved (is the disk full?)</source>
        <translation>이미지를 저장하지 못했습니다 (디스크가 가득 찼나요?)</translation>
    </message>
    <message>
        <source>could not write {0}</source>
        <translation>{0}에 쓰지 못했습니다</translation>
    </message>
    <message>
        <source>cannot read {0}: {1}</source>
        <extracomment>Columns of the histogram CSV: one row per run, pass, quantity, layer and bin. Columns of the statistics CSV (``*_layers.csv``): one row per run, pass, quantity and layer. Which pass computes each quantity.</extracomment>
        <translation>{0}을(를) 읽을 수 없습니다: {1}</translation>
    </message>
    <message>
        <source>depth {0}</source>
        <extracomment>What each quantity is called in a title (the Show menu&apos;s words). Symbols of the scheme parameters in a footer (σ for the std, as the formulas write it).</extracomment>
        <translation>깊이 {0}</translation>
    </message>
    <message>
        <source>width {0}</source>
        <translation>너비 {0}</translation>
    </message>
    <message>
        <source>bias std {0}</source>
        <translation>편향 표준편차 {0}</translation>
    </message>
    <message>
        <source>bias {0}</source>
        <translation>편향 {0}</translation>
    </message>
    <message>
        <source>seed {0}</source>
        <translation>시드 {0}</translation>
    </message>
    <message>
        <source>La&amp;nguage</source>
        <extracomment>Each language&apos;s name in itself, as the menu shows it (never translated).</extracomment>
        <translation>언어(&amp;N)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>The interface will be in {0} from the next start. Restart initviz now?</source>
        <translation>다음 실행부터 화면이 {0}(으)로 표시됩니다. 지금 initviz를 다시 시작할까요?</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>지금 다시 시작</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>나중에</translation>
    </message>
    <message>
        <source>The interface will be in {0} from the next start.</source>
        <translation>다음 실행부터 화면이 {0}(으)로 표시됩니다.</translation>
    </message>
    <message>
        <source>initviz could not be started again: please restart it by hand.</source>
        <translation>initviz를 다시 시작하지 못했습니다. 직접 다시 실행해 주세요.</translation>
    </message>
    <message>
        <source>{0} / {1}</source>
        <extracomment>Caption type at the reference screen (1920 x 1080), and the smallest it gets.</extracomment>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <source>measuring...</source>
        <translation>측정 중...</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>Views in the View menu: key, text, shortcut.</extracomment>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open configuration...</source>
        <translation>구성 열기(&amp;O)...</translation>
    </message>
    <message>
        <source>&amp;Save configuration as JSON...</source>
        <translation>구성을 JSON으로 저장(&amp;S)...</translation>
    </message>
    <message>
        <source>Export view as &amp;PNG...</source>
        <translation>화면을 PNG로 내보내기(&amp;P)...</translation>
    </message>
    <message>
        <source>Export view as S&amp;VG...</source>
        <translation>화면을 SVG로 내보내기(&amp;V)...</translation>
    </message>
    <message>
        <source>Export numbers as &amp;CSV...</source>
        <translation>수치를 CSV로 내보내기(&amp;C)...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Rerun</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Run the simulation again</source>
        <translation>시뮬레이션을 다시 실행합니다</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>취소(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the run at the next layer</source>
        <translation>다음 층에서 실행을 멈춥니다</translation>
    </message>
    <message>
        <source>&amp;New seed</source>
        <translation>새 시드(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>프리셋(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Light theme</source>
        <translation>밝은 테마(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>어두운 테마(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>전체 화면(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About initviz</source>
        <translation>initviz 정보(&amp;A)</translation>
    </message>
    <message>
        <source>σ_w² (weight variance × fan_in)</source>
        <extracomment>log10 chi_1 shown from CHI_LOW (chi_1 = 0.1) up to at least CHI_HIGH.</extracomment>
        <translation>σ_w² (가중치 분산 × fan_in)</translation>
    </message>
    <message>
        <source>σ_b² (bias variance)</source>
        <translation>σ_b² (편향 분산)</translation>
    </message>
    <message>
        <source>{0}: log₁₀ χ₁</source>
        <translation>{0}: log₁₀ χ₁</translation>
    </message>
    <message>
        <source>{0}: log₁₀ ξ_c</source>
        <translation>{0}: log₁₀ ξ_c</translation>
    </message>
    <message>
        <source>ordered</source>
        <translation>질서</translation>
    </message>
    <message>
        <source>chaotic</source>
        <translation>혼돈</translation>
    </message>
    <message>
        <source>(q* infinite)</source>
        <translation>(q* 무한대)</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>이 실행</translation>
    </message>
    <message>
        <source>this run: {0}</source>
        <translation>이 실행: {0}</translation>
    </message>
    <message>
        <source>Histograms</source>
        <translation>히스토그램</translation>
    </message>
    <message>
        <source>std · dashed: predicted</source>
        <translation>표준편차 · 점선: 예측</translation>
    </message>
    <message>
        <source>Settings will not be saved: the folder {0} cannot be written.</source>
        <extracomment>Keys written at once by ``set`` (the language menu) that the window&apos;s save at close keeps.</extracomment>
        <translation>설정이 저장되지 않습니다: 폴더 {0}에 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>is not a regular file</source>
        <translation>일반 파일이 아닙니다</translation>
    </message>
    <message>
        <source>is larger than {0} bytes</source>
        <translation>크기가 {0}바이트를 넘습니다</translation>
    </message>
    <message>
        <source>it was kept as {0}</source>
        <translation>{0}(으)로 보관했습니다</translation>
    </message>
    <message>
        <source>it could not be moved aside, so it will not be overwritten</source>
        <translation>옮겨 둘 수 없어서 덮어쓰지 않습니다</translation>
    </message>
    <message>
        <source>The settings file {0} {1}; {2}; using defaults.</source>
        <translation>설정 파일 {0}: {1}; {2}; 기본값을 씁니다.</translation>
    </message>
    <message>
        <source>is unreadable</source>
        <translation>읽을 수 없습니다</translation>
    </message>
    <message>
        <source>is not initviz&apos;s</source>
        <translation>initviz의 설정 파일이 아닙니다</translation>
    </message>
    <message>
        <source>the saved configuration</source>
        <translation>저장된 구성</translation>
    </message>
    <message>
        <source>holds a configuration that cannot be used ({0})</source>
        <translation>쓸 수 없는 구성이 들어 있습니다 ({0})</translation>
    </message>
    <message>
        <source>ln 10 = 2.30</source>
        <extracomment>The loss of a uniform guess among 10 classes: where std 0.01 stays. Opacity of the raw loss curves (0-255), under the smoothed ones. Points of a smoothed curve drawn, at most (about 300). Width of the left axes: their numbers are short (a loss, a percentage, a unit count).</extracomment>
        <translation>ln 10 = 2.30</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>학습 손실</translation>
    </message>
    <message>
        <source>Held-out accuracy</source>
        <translation>시험 데이터 정확도</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>반복</translation>
    </message>
    <message>
        <source>correct, %</source>
        <translation>정답률, %</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>distinct units per layer</source>
        <translation>서로 다른 뉴런</translation>
    </message>
    <message>
        <source>Equal weights</source>
        <translation>같은 가중치</translation>
    </message>
    <message>
        <source>Every weight 0.1: every neuron computes the same function, the layer has one distinct unit.</source>
        <translation>모든 가중치가 0.1: 모든 뉴런이 같은 함수를 계산하므로, 층에 서로 다른 뉴런이 하나뿐입니다.</translation>
    </message>
    <message>
        <source>Sigmoid, std 1</source>
        <translation>시그모이드, 표준편차 1</translation>
    </message>
    <message>
        <source>Weights N(0, 1): activations pile up at 0 and 1; saturated units pass no gradient.</source>
        <translation>가중치 N(0, 1): 활성화값이 0과 1에 몰립니다. 포화된 뉴런은 기울기를 전달하지 못합니다.</translation>
    </message>
    <message>
        <source>Sigmoid, std 0.01</source>
        <translation>시그모이드, 표준편차 0.01</translation>
    </message>
    <message>
        <source>Weights N(0, 0.01^2): activations crowd at 0.5; every neuron says nearly the same.</source>
        <translation>가중치 N(0, 0.01^2): 활성화값이 0.5에 몰립니다. 모든 뉴런이 거의 같은 값을 냅니다.</translation>
    </message>
    <message>
        <source>Sigmoid, Xavier</source>
        <translation>시그모이드, Xavier</translation>
    </message>
    <message>
        <source>std = 1/sqrt(n): the activations stay spread over every layer.</source>
        <translation>표준편차 = 1/sqrt(n): 활성화값이 모든 층에서 고르게 퍼져 있습니다.</translation>
    </message>
    <message>
        <source>ReLU, std 0.01</source>
        <translation>ReLU, 표준편차 0.01</translation>
    </message>
    <message>
        <source>Weights N(0, 0.01^2): the activations shrink toward 0 layer by layer.</source>
        <translation>가중치 N(0, 0.01^2): 활성화값이 층을 지날수록 0으로 줄어듭니다.</translation>
    </message>
    <message>
        <source>ReLU, Xavier</source>
        <translation>ReLU, Xavier</translation>
    </message>
    <message>
        <source>std = 1/sqrt(n): ReLU zeroes half the inputs, so the variance halves every layer.</source>
        <translation>표준편차 = 1/sqrt(n): ReLU가 입력의 절반을 0으로 만들어 층마다 분산이 절반이 됩니다.</translation>
    </message>
    <message>
        <source>ReLU, He</source>
        <translation>ReLU, He</translation>
    </message>
    <message>
        <source>std = sqrt(2/n) (He et al. 2015): the spread holds through the layers.</source>
        <translation>표준편차 = sqrt(2/n) (He et al. 2015): 퍼진 정도가 모든 층에서 유지됩니다.</translation>
    </message>
    <message>
        <source>ReLU, the note&apos;s &quot;He&quot; 2/sqrt(n) vs sqrt(2/n)</source>
        <translation>ReLU, 노트의 &quot;He&quot; 2/sqrt(n)과 sqrt(2/n)</translation>
    </message>
    <message>
        <source>The note writes He&apos;s std as 2/sqrt(n): that doubles the variance every layer. The right one, sqrt(2/n), is shown beside it.</source>
        <translation>노트는 He 초깃값의 표준편차를 2/sqrt(n)으로 적었습니다. 이러면 층마다 분산이 두 배가 됩니다. 옳은 값 sqrt(2/n)을 옆에 함께 보여 줍니다.</translation>
    </message>
    <message>
        <source>He, sqrt(2/n)</source>
        <translation>He, sqrt(2/n)</translation>
    </message>
    <message>
        <source>CS231n: tanh, std 0.01</source>
        <translation>CS231n: tanh, 표준편차 0.01</translation>
    </message>
    <message>
        <source>10 tanh layers of 500, weights N(0, 0.01^2): activations collapse to 0.</source>
        <translation>뉴런 500개짜리 tanh 층 10개, 가중치 N(0, 0.01^2): 활성화값이 0으로 무너집니다.</translation>
    </message>
    <message>
        <source>CS231n: tanh, std 1</source>
        <translation>CS231n: tanh, 표준편차 1</translation>
    </message>
    <message>
        <source>10 tanh layers of 500, weights N(0, 1): every unit saturates at -1 or 1.</source>
        <translation>뉴런 500개짜리 tanh 층 10개, 가중치 N(0, 1): 모든 뉴런이 -1이나 1에서 포화됩니다.</translation>
    </message>
    <message>
        <source>CS231n: tanh, Xavier</source>
        <translation>CS231n: tanh, Xavier</translation>
    </message>
    <message>
        <source>10 tanh layers of 500, std = 1/sqrt(n): a well-behaved spread in every layer.</source>
        <translation>뉴런 500개짜리 tanh 층 10개, 표준편차 = 1/sqrt(n): 모든 층에서 고르게 퍼집니다.</translation>
    </message>
    <message>
        <source>Training: std 0.01, Xavier and He</source>
        <translation>학습: 표준편차 0.01, Xavier, He</translation>
    </message>
    <message>
        <source>The book&apos;s comparison on MNIST: with std 0.01 the loss stays at ln 10 = 2.30 (chance) and nothing is learned; Xavier and He learn, He fastest.</source>
        <translation>책의 MNIST 비교: 표준편차 0.01이면 손실이 ln 10 = 2.30(무작위 추측)에 머물러 아무것도 학습하지 못합니다. Xavier와 He는 학습하며, He가 가장 빠릅니다.</translation>
    </message>
    <message>
        <source>std 0.01</source>
        <translation>표준편차 0.01</translation>
    </message>
    <message>
        <source>Xavier</source>
        <translation>Xavier</translation>
    </message>
    <message>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <source>Training: equal weights vs He</source>
        <translation>학습: 같은 가중치와 He</translation>
    </message>
    <message>
        <source>Every weight 0.01: every unit of a layer gets the same gradient, so the units stay identical through all of training (1 distinct unit per layer). He&apos;s units are all different.</source>
        <translation>모든 가중치가 0.01: 한 층의 모든 뉴런이 같은 기울기를 받으므로 학습 내내 똑같이 남습니다(층마다 서로 다른 뉴런 1개). He 초깃값의 뉴런은 모두 다릅니다.</translation>
    </message>
    <message>
        <source>equal weights 0.01</source>
        <translation>같은 가중치 0.01</translation>
    </message>
    <message>
        <source>constant (equal weights)</source>
        <translation>상수 (같은 가중치)</translation>
    </message>
    <message>
        <source>w = c</source>
        <translation>w = c</translation>
    </message>
    <message>
        <source>every unit computes the same function: the symmetry demo</source>
        <translation>모든 뉴런이 같은 함수를 계산합니다: 대칭성 시연</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>모두 0</translation>
    </message>
    <message>
        <source>w = 0</source>
        <translation>w = 0</translation>
    </message>
    <message>
        <source>every activation is φ(b)</source>
        <translation>모든 활성화값이 φ(b)입니다</translation>
    </message>
    <message>
        <source>normal N(0, σ²)</source>
        <translation>정규분포 N(0, σ²)</translation>
    </message>
    <message>
        <source>w ~ N(0, σ²)</source>
        <translation>w ~ N(0, σ²)</translation>
    </message>
    <message>
        <source>uniform U(−a, a)</source>
        <translation>균등분포 U(−a, a)</translation>
    </message>
    <message>
        <source>w ~ U(−a, a), σ = a/√3</source>
        <translation>w ~ U(−a, a), σ = a/√3</translation>
    </message>
    <message>
        <source>Xavier (book): 1/√n</source>
        <translation>Xavier (책): 1/√n</translation>
    </message>
    <message>
        <source>σ = gain·√(1/fan_in)</source>
        <translation>σ = gain·√(1/fan_in)</translation>
    </message>
    <message>
        <source>Saito, Deep Learning from Scratch (2016), ch. 6</source>
        <translation>사이토 고키, 『밑바닥부터 시작하는 딥러닝』 (2016), 6장</translation>
    </message>
    <message>
        <source>the book&apos;s &quot;Xavier&quot;; Keras calls it LeCun normal (Glorot &amp; Bengio&apos;s is Glorot normal)</source>
        <translation>책의 &quot;Xavier&quot;입니다. Keras에서는 LeCun normal이라고 부릅니다(Glorot &amp; Bengio의 것은 Glorot normal)</translation>
    </message>
    <message>
        <source>Glorot normal</source>
        <translation>Glorot 정규분포</translation>
    </message>
    <message>
        <source>σ = gain·√(2/(fan_in + fan_out))</source>
        <translation>σ = gain·√(2/(fan_in + fan_out))</translation>
    </message>
    <message>
        <source>Glorot &amp; Bengio 2010</source>
        <translation>Glorot &amp; Bengio 2010</translation>
    </message>
    <message>
        <source>Glorot uniform</source>
        <translation>Glorot 균등분포</translation>
    </message>
    <message>
        <source>w ~ U(−a, a), a = gain·√(6/(fan_in + fan_out))</source>
        <translation>w ~ U(−a, a), a = gain·√(6/(fan_in + fan_out))</translation>
    </message>
    <message>
        <source>Glorot &amp; Bengio 2010, eq. 16</source>
        <translation>Glorot &amp; Bengio 2010, 식 16</translation>
    </message>
    <message>
        <source>He normal: √(2/n)</source>
        <translation>He 정규분포: √(2/n)</translation>
    </message>
    <message>
        <source>σ = gain·√(2/fan_in)</source>
        <translation>σ = gain·√(2/fan_in)</translation>
    </message>
    <message>
        <source>He et al. 2015</source>
        <translation>He et al. 2015</translation>
    </message>
    <message>
        <source>not 2/√n, which doubles the variance of a ReLU layer every layer</source>
        <translation>2/√n이 아닙니다. 2/√n이면 ReLU 층의 분산이 층마다 두 배가 됩니다</translation>
    </message>
    <message>
        <source>He uniform</source>
        <translation>He 균등분포</translation>
    </message>
    <message>
        <source>w ~ U(−a, a), a = gain·√(6/fan_in)</source>
        <translation>w ~ U(−a, a), a = gain·√(6/fan_in)</translation>
    </message>
    <message>
        <source>LeCun normal</source>
        <translation>LeCun 정규분포</translation>
    </message>
    <message>
        <source>LeCun et al. 1998</source>
        <translation>LeCun et al. 1998</translation>
    </message>
    <message>
        <source>LeCun uniform</source>
        <translation>LeCun 균등분포</translation>
    </message>
    <message>
        <source>w ~ U(−a, a), a = gain·√(3/fan_in)</source>
        <translation>w ~ U(−a, a), a = gain·√(3/fan_in)</translation>
    </message>
    <message>
        <source>truncated normal</source>
        <translation>절단 정규분포</translation>
    </message>
    <message>
        <source>w ~ N(0, σ²) cut at ±2σ, divided by 0.8796 to keep σ</source>
        <translation>w ~ N(0, σ²)를 ±2σ에서 자르고, σ를 유지하려고 0.8796으로 나눕니다</translation>
    </message>
    <message>
        <source>Keras VarianceScaling&apos;s truncated draw</source>
        <translation>Keras VarianceScaling의 절단 추출</translation>
    </message>
    <message>
        <source>variance scaling</source>
        <translation>분산 스케일링</translation>
    </message>
    <message>
        <source>σ = gain·√(scale/n), n = fan_in, fan_out or (fan_in + fan_out)/2; uniform: a = √3·σ</source>
        <translation>σ = gain·√(scale/n), n = fan_in, fan_out 또는 (fan_in + fan_out)/2; 균등분포: a = √3·σ</translation>
    </message>
    <message>
        <source>Keras VarianceScaling</source>
        <translation>Keras VarianceScaling</translation>
    </message>
    <message>
        <source>orthogonal</source>
        <translation>직교</translation>
    </message>
    <message>
        <source>W = gain·Q, Q from the QR of a Gaussian matrix, signs fixed by diag R</source>
        <translation>W = gain·Q, Q는 가우스 행렬의 QR 분해에서 얻고, 부호는 diag R로 정합니다</translation>
    </message>
    <message>
        <source>Saxe et al. 2013</source>
        <translation>Saxe et al. 2013</translation>
    </message>
    <message>
        <source>LSUV</source>
        <translation>LSUV</translation>
    </message>
    <message>
        <source>orthogonal W, rescaled layer by layer on the batch until Var(xW + b) ≈ 1</source>
        <translation>직교 W를 배치에서 Var(xW + b) ≈ 1이 될 때까지 층마다 다시 조정합니다</translation>
    </message>
    <message>
        <source>Mishkin &amp; Matas 2015</source>
        <translation>Mishkin &amp; Matas 2015</translation>
    </message>
    <message>
        <source>std</source>
        <translation>표준편차</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>표준편차</translation>
    </message>
    <message>
        <source>std of the weights: w ~ N(0, std^2)</source>
        <translation>가중치의 표준편차: w ~ N(0, std^2)</translation>
    </message>
    <message>
        <source>0 or more</source>
        <translation>0 이상</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>the value c of every weight: w = c</source>
        <translation>모든 가중치의 값 c: w = c</translation>
    </message>
    <message>
        <source>samples</source>
        <extracomment>The fields an engine message names; the parameters&apos; names are translated by the scheme tables (initviz/ui/i18n_sources.py).</extracomment>
        <translation>샘플 수</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>깊이</translation>
    </message>
    <message>
        <source>width</source>
        <translation>너비</translation>
    </message>
    <message>
        <source>features</source>
        <translation>특성 수</translation>
    </message>
    <message>
        <source>bins</source>
        <translation>구간 수</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>bias std</source>
        <translation>편향 표준편차</translation>
    </message>
    <message>
        <source>bias value</source>
        <translation>편향 값</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>iterations</source>
        <translation>반복 횟수</translation>
    </message>
    <message>
        <source>every</source>
        <translation>기록 간격</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>편향</translation>
    </message>
    <message>
        <source>input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>dtype</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>최적화 기법</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>init</source>
        <translation>가중치 초깃값</translation>
    </message>
    <message>
        <source>gradients</source>
        <translation>역전파(기울기)</translation>
    </message>
    <message>
        <source>from {a} to below {b}</source>
        <extracomment>What a number between bounds is called (engine.parameters.bounds_text), longest first.</extracomment>
        <translation>{a} 이상 {b} 미만</translation>
    </message>
    <message>
        <source>above {a} to below {b}</source>
        <translation>{a} 초과 {b} 미만</translation>
    </message>
    <message>
        <source>above {a} to {b}</source>
        <translation>{a} 초과 {b} 이하</translation>
    </message>
    <message>
        <source>from {a} to {b}</source>
        <translation>{a}에서 {b}까지</translation>
    </message>
    <message>
        <source>greater than {a}</source>
        <translation>{a} 초과</translation>
    </message>
    <message>
        <source>less than {b}</source>
        <translation>{b} 미만</translation>
    </message>
    <message>
        <source>{a} or more</source>
        <translation>{a} 이상</translation>
    </message>
    <message>
        <source>{b} or less</source>
        <translation>{b} 이하</translation>
    </message>
    <message>
        <source>any finite number</source>
        <translation>유한한 모든 수</translation>
    </message>
    <message>
        <source>{s} must be a whole number from {a} to {b}, got {v}</source>
        <extracomment>(pattern, template): each message the window may show, the value-carrying parts named.</extracomment>
        <translation>{s}: {a}에서 {b}까지의 정수여야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>{s} must be a number, got {v}</source>
        <translation>{s}: 수여야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>{s} must be a finite number, got {v}</source>
        <translation>{s}: 유한한 수여야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>{s} must be at most {a} in size, got {v}</source>
        <translation>{s}: 크기가 {a} 이하여야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>{s} must be one of {a}; got {v}</source>
        <translation>{s}: {a} 중 하나여야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>{s} must be true or false, got {v}</source>
        <translation>{s}: true 또는 false여야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>{s} must be {bounds}, got {v}</source>
        <translation>{s}: {bounds}의 값이어야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>range must be two numbers LOW,HIGH; got {v}</source>
        <translation>범위는 두 수 LOW,HIGH여야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>range must be two finite numbers with LOW &lt; HIGH; got {v}</source>
        <translation>범위는 LOW &lt; HIGH인 유한한 두 수여야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>range width HIGH - LOW must be from 1e-30 to 1e308; got {v}</source>
        <translation>범위의 폭 HIGH - LOW는 1e-30에서 1e308까지여야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>expected &apos;auto&apos; or two numbers LOW, HIGH; got {v}</source>
        <translation>&apos;auto&apos; 또는 두 수 LOW, HIGH를 넣어야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>width lists one number per layer: {a} expected, got {b}</source>
        <translation>너비는 층마다 수 하나씩입니다: {a}개여야 하는데 {b}개입니다</translation>
    </message>
    <message>
        <source>correlation needs pairs of inputs: samples must be 2 or more, got {v}</source>
        <translation>상관계수에는 입력 쌍이 필요합니다: 샘플 수는 2 이상이어야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>this run needs about {a} GiB but only {b} GiB is available; lower samples or width</source>
        <translation>이 실행에는 약 {a} GiB가 필요하지만 {b} GiB만 쓸 수 있습니다. 샘플 수나 너비를 줄이세요</translation>
    </message>
    <message>
        <source>the network {a} has {b} parameters; at most {c} are allowed (fewer or narrower layers)</source>
        <translation>신경망 {a}의 매개변수가 {b}개입니다. 최대 {c}개까지 허용됩니다 (층을 줄이거나 좁히세요)</translation>
    </message>
    <message>
        <source>a configuration must be a JSON object of field: value pairs</source>
        <translation>구성은 필드: 값 쌍으로 된 JSON 객체여야 합니다</translation>
    </message>
    <message>
        <source>unknown configuration field {v}; allowed: {a}</source>
        <translation>알 수 없는 구성 필드 {v}. 허용: {a}</translation>
    </message>
    <message>
        <source>init must be a scheme name, got {v}</source>
        <translation>가중치 초깃값은 방식 이름이어야 합니다. 입력값: {v}</translation>
    </message>
    <message>
        <source>configuration value of the wrong type: {v}</source>
        <translation>구성 값의 형식이 틀렸습니다: {v}</translation>
    </message>
    <message>
        <source>not a finite number: {v}</source>
        <translation>유한한 수가 아닙니다: {v}</translation>
    </message>
    <message>
        <source>not a number: {v}</source>
        <translation>수가 아닙니다: {v}</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>비어 있습니다</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>너무 깁니다</translation>
    </message>
    <message>
        <source>exponent too large</source>
        <translation>지수가 너무 큽니다</translation>
    </message>
    <message>
        <source>unsupported expression</source>
        <translation>지원하지 않는 수식입니다</translation>
    </message>
    <message>
        <source>{v} is not a regular file</source>
        <translation>{v}: 일반 파일이 아닙니다</translation>
    </message>
    <message>
        <source>{v} is {a} bytes, more than the {b} allowed</source>
        <translation>{v}: {a}바이트로, 허용된 {b}바이트보다 큽니다</translation>
    </message>
    <message>
        <source>{v} is more than the {b} bytes allowed</source>
        <translation>{v}: 허용된 {b}바이트보다 큽니다</translation>
    </message>
    <message>
        <source>{v} is not UTF-8 text ({a})</source>
        <translation>{v}: UTF-8 텍스트가 아닙니다 ({a})</translation>
    </message>
    <message>
        <source>{v} is not JSON: {a} at line {b}, column {c}</source>
        <translation>{v}: JSON이 아닙니다: {b}행 {c}열에서 {a}</translation>
    </message>
    <message>
        <source>the written file is incomplete (is the disk full?)</source>
        <translation>쓴 파일이 불완전합니다 (디스크가 가득 찼나요?)</translation>
    </message>
    <message>
        <source>cannot write {v}: {a}</source>
        <translation>{v}에 쓸 수 없습니다: {a}</translation>
    </message>
    <message>
        <source>data file {v} cannot be read: {a}</source>
        <translation>데이터 파일 {v}을(를) 읽을 수 없습니다: {a}</translation>
    </message>
    <message>
        <source>{v} is not a .npz file (a zip archive of NumPy arrays, numpy.savez)</source>
        <translation>{v}: .npz 파일(NumPy 배열의 zip 압축 파일, numpy.savez)이 아닙니다</translation>
    </message>
    <message>
        <source>{v}: {a} holds NaN or infinite values; only finite numbers are allowed</source>
        <translation>{v}: {a}에 NaN이나 무한대 값이 있습니다. 유한한 수만 허용됩니다</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>한계</translation>
    </message>
    <message>
        <source>Limit a</source>
        <translation>한계 a</translation>
    </message>
    <message>
        <source>limit a of w ~ U(-a, a); std = a / sqrt(3)</source>
        <translation>w ~ U(-a, a)의 한계 a; 표준편차 = a / sqrt(3)</translation>
    </message>
    <message>
        <source>gain</source>
        <translation>gain</translation>
    </message>
    <message>
        <source>Gain</source>
        <translation>Gain</translation>
    </message>
    <message>
        <source>factor on the std; torch&apos;s calculate_gain recommends one per activation</source>
        <translation>표준편차에 곱하는 인수. torch의 calculate_gain이 활성화 함수마다 권장값을 줍니다</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>scale</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>variance scale: std = gain * sqrt(scale / n)</source>
        <translation>분산 배율: 표준편차 = gain * sqrt(scale / n)</translation>
    </message>
    <message>
        <source>greater than 0</source>
        <translation>0보다 큼</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>모드</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>모드</translation>
    </message>
    <message>
        <source>the n of variance scaling: fan_in, fan_out or (fan_in + fan_out) / 2</source>
        <translation>분산 스케일링의 n: fan_in, fan_out 또는 (fan_in + fan_out) / 2</translation>
    </message>
    <message>
        <source>one of fan_in, fan_out, fan_avg</source>
        <translation>fan_in, fan_out, fan_avg 중 하나</translation>
    </message>
    <message>
        <source>distribution</source>
        <translation>분포</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>분포</translation>
    </message>
    <message>
        <source>normal; truncated at 2 std (rescaled by 0.8796); uniform U(-a, a) with a = sqrt(3) std</source>
        <translation>정규분포; 표준편차의 2배에서 자른 정규분포(0.8796으로 보정); 균등분포 U(-a, a), a = sqrt(3) 표준편차</translation>
    </message>
    <message>
        <source>one of normal, truncated, uniform</source>
        <translation>normal, truncated, uniform 중 하나</translation>
    </message>
    <message>
        <source>slope</source>
        <translation>기울기</translation>
    </message>
    <message>
        <source>Slope</source>
        <translation>음수 쪽 기울기</translation>
    </message>
    <message>
        <source>leaky ReLU&apos;s slope for z &lt; 0</source>
        <translation>z &lt; 0에서 leaky ReLU의 기울기</translation>
    </message>
    <message>
        <source>from 0 to below 1</source>
        <translation>0 이상 1 미만</translation>
    </message>
    <message>
        <source>alpha</source>
        <translation>alpha</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <source>ELU&apos;s alpha: the output tends to -alpha as z -&gt; -inf</source>
        <translation>ELU의 alpha: z -&gt; -inf이면 출력이 -alpha에 가까워집니다</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>선형</translation>
    </message>
    <message>
        <source>φ(z) = z; φ′(z) = 1</source>
        <translation>φ(z) = z; φ′(z) = 1</translation>
    </message>
    <message>
        <source>1</source>
        <translation>1</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>시그모이드</translation>
    </message>
    <message>
        <source>σ(z) = 1/(1 + e^−z); σ′(z) = σ(z)(1 − σ(z)), at most 1/4</source>
        <translation>σ(z) = 1/(1 + e^−z); σ′(z) = σ(z)(1 − σ(z)), 최대 1/4</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>tanh(z); tanh′(z) = 1 − tanh²(z)</source>
        <translation>tanh(z); tanh′(z) = 1 − tanh²(z)</translation>
    </message>
    <message>
        <source>5/3</source>
        <translation>5/3</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>max(z, 0); derivative 1 for z &gt; 0, else 0</source>
        <translation>max(z, 0); 미분은 z &gt; 0이면 1, 아니면 0</translation>
    </message>
    <message>
        <source>Nair &amp; Hinton 2010</source>
        <translation>Nair &amp; Hinton 2010</translation>
    </message>
    <message>
        <source>√2 (He et al. 2015)</source>
        <translation>√2 (He et al. 2015)</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>leaky ReLU</translation>
    </message>
    <message>
        <source>z for z &gt; 0, slope·z otherwise</source>
        <translation>z &gt; 0이면 z, 아니면 기울기·z</translation>
    </message>
    <message>
        <source>Maas et al. 2013</source>
        <translation>Maas et al. 2013</translation>
    </message>
    <message>
        <source>√(2/(1 + slope²))</source>
        <translation>√(2/(1 + slope²))</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>z for z &gt; 0, α(e^z − 1) otherwise</source>
        <translation>z &gt; 0이면 z, 아니면 α(e^z − 1)</translation>
    </message>
    <message>
        <source>Clevert et al. 2015</source>
        <translation>Clevert et al. 2015</translation>
    </message>
    <message>
        <source>SELU</source>
        <translation>SELU</translation>
    </message>
    <message>
        <source>λ·ELU_α(z), λ = 1.0507, α = 1.6733; meant for LeCun normal</source>
        <translation>λ·ELU_α(z), λ = 1.0507, α = 1.6733; LeCun 정규분포와 함께 쓰도록 만든 함수</translation>
    </message>
    <message>
        <source>Klambauer et al. 2017</source>
        <translation>Klambauer et al. 2017</translation>
    </message>
    <message>
        <source>3/4</source>
        <translation>3/4</translation>
    </message>
    <message>
        <source>GELU (tanh approx.)</source>
        <translation>GELU (tanh 근사)</translation>
    </message>
    <message>
        <source>z·Φ(z) ≈ z/2·(1 + tanh(√(2/π)(z + 0.044715 z³)))</source>
        <translation>z·Φ(z) ≈ z/2·(1 + tanh(√(2/π)(z + 0.044715 z³)))</translation>
    </message>
    <message>
        <source>Hendrycks &amp; Gimpel 2016</source>
        <translation>Hendrycks &amp; Gimpel 2016</translation>
    </message>
    <message>
        <source>SiLU / Swish</source>
        <translation>SiLU / Swish</translation>
    </message>
    <message>
        <source>z·σ(z)</source>
        <translation>z·σ(z)</translation>
    </message>
    <message>
        <source>Elfwing et al. 2017; Ramachandran et al. 2017</source>
        <translation>Elfwing et al. 2017; Ramachandran et al. 2017</translation>
    </message>
    <message>
        <source>softsign</source>
        <translation>softsign</translation>
    </message>
    <message>
        <source>z/(1 + |z|); derivative 1/(1 + |z|)²</source>
        <translation>z/(1 + |z|); 미분 1/(1 + |z|)²</translation>
    </message>
    <message>
        <source>Bergstra et al. 2009</source>
        <translation>Bergstra et al. 2009</translation>
    </message>
    <message>
        <source>softplus</source>
        <translation>softplus</translation>
    </message>
    <message>
        <source>log(1 + e^z); derivative σ(z)</source>
        <translation>log(1 + e^z); 미분 σ(z)</translation>
    </message>
    <message>
        <source>Dugas et al. 2001</source>
        <translation>Dugas et al. 2001</translation>
    </message>
    <message>
        <source>std 1</source>
        <translation>표준편차 1</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>임계</translation>
    </message>
    <message>
        <source>activations a = φ(z)</source>
        <translation>활성화값 a = φ(z)</translation>
    </message>
    <message>
        <source>pre-activations z = xW + b</source>
        <translation>사전 활성화값 z = xW + b</translation>
    </message>
    <message>
        <source>gradients dL/da</source>
        <translation>기울기 dL/da</translation>
    </message>
    <message>
        <source>gradients dL/dz</source>
        <translation>기울기 dL/dz</translation>
    </message>
    <message>
        <source>weight gradients dL/dW</source>
        <translation>가중치 기울기 dL/dW</translation>
    </message>
    <message>
        <source>activation a</source>
        <translation>활성화값 a</translation>
    </message>
    <message>
        <source>pre-activation z</source>
        <translation>사전 활성화값 z</translation>
    </message>
    <message>
        <source>&amp;Automatic view</source>
        <translation>자동 보기(&amp;A)</translation>
    </message>
    <message>
        <source>Layers &amp;side by side</source>
        <translation>층별 나란히(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Deep view</source>
        <translation>심층 보기(&amp;D)</translation>
    </message>
    <message>
        <source>S&amp;ymmetry view</source>
        <translation>대칭성 보기(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Training view</source>
        <translation>학습 보기(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Phase diagram</source>
        <translation>상 다이어그램(&amp;P)</translation>
    </message>
    <message>
        <source>{0}, init {1}{2}; {3} layers of {4} units, {5} inputs of {6} features; seed {7}</source>
        <extracomment>How long one step may take to compute before it is drawn as it is (training: ~20 s). The window the handout&apos;s figures are drawn in (the figure then fills it, 2:1).</extracomment>
        <translation>{0}, 초깃값 {1}{2}; 뉴런 {4}개짜리 층 {3}개, 특성 {6}개짜리 입력 {5}개; 시드 {7}</translation>
    </message>
    <message>
        <source>; biases N(0, {0:.3g}²)</source>
        <translation>; 편향 N(0, {0:.3g}²)</translation>
    </message>
    <message>
        <source>; backward pass</source>
        <translation>; 역전파</translation>
    </message>
    <message>
        <source>the handout cannot be written to {0}: {1}</source>
        <translation>유인물을 {0}에 쓸 수 없습니다: {1}</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>폴더입니다</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>권한이 없습니다</translation>
    </message>
    <message>
        <source>initviz: weight initialization, a lecture</source>
        <translation>initviz: 가중치 초기화 강의</translation>
    </message>
    <message>
        <source>{0} / {1}   {2}</source>
        <translation>{0} / {1}   {2}</translation>
    </message>
    <message>
        <source>Measured: {0}</source>
        <translation>측정: {0}</translation>
    </message>
    <message>
        <source>MNIST, {0} hidden layers of {1} ({2}), {3} {4}, batch {5}, {6} iterations; runs: {7}</source>
        <translation>MNIST, 뉴런 {1}개짜리 은닉층 {0}개 ({2}), {3} {4}, 배치 {5}, 반복 {6}회; 실행: {7}</translation>
    </message>
    <message>
        <source>gain {0}</source>
        <extracomment>The settings key of the pinned list.</extracomment>
        <translation>gain {0}</translation>
    </message>
    <message>
        <source>{0}, uniform</source>
        <translation>{0}, 균등</translation>
    </message>
    <message>
        <source>{0}, truncated</source>
        <translation>{0}, 절단</translation>
    </message>
    <message>
        <source>widths {0}</source>
        <translation>너비 {0}</translation>
    </message>
    <message>
        <source>{0} features</source>
        <translation>특성 {0}개</translation>
    </message>
    <message>
        <source>{0} samples</source>
        <translation>샘플 {0}개</translation>
    </message>
    <message>
        <source>no bias</source>
        <translation>편향 없음</translation>
    </message>
    <message>
        <source>bias N(0, {0}²)</source>
        <translation>편향 N(0, {0}²)</translation>
    </message>
    <message>
        <source>input N(0, 1)</source>
        <translation>입력 N(0, 1)</translation>
    </message>
    <message>
        <source>input U(−1, 1)</source>
        <translation>입력 U(−1, 1)</translation>
    </message>
    <message>
        <source>{0} bins</source>
        <translation>구간 {0}개</translation>
    </message>
    <message>
        <source>range auto</source>
        <translation>범위 자동</translation>
    </message>
    <message>
        <source>range {0} to {1}</source>
        <translation>범위 {0}에서 {1}까지</translation>
    </message>
    <message>
        <source>with gradients</source>
        <translation>기울기 포함</translation>
    </message>
    <message>
        <source>no gradients</source>
        <translation>기울기 없음</translation>
    </message>
    <message>
        <source>pairs c0 = {0}</source>
        <translation>입력 쌍 c0 = {0}</translation>
    </message>
    <message>
        <source>no pairs</source>
        <translation>입력 쌍 없음</translation>
    </message>
    <message>
        <source>same configuration</source>
        <translation>같은 구성</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>고정</translation>
    </message>
    <message>
        <source>Keep this run on screen (Ctrl+P): change the controls and the new run is drawn beside it, on the same random draws (up to {0} pinned runs)</source>
        <translation>이 실행을 화면에 고정합니다 (Ctrl+P). 제어판을 바꾸면 새 실행이 같은 난수로 옆에 그려집니다 (최대 {0}개 고정)</translation>
    </message>
    <message>
        <source>Fit x</source>
        <translation>x 맞춤</translation>
    </message>
    <message>
        <source>One histogram range for every run, chosen from their spread: 4 root-mean-squares of the widest layer (Ctrl+Shift+F)</source>
        <translation>모든 실행에 같은 히스토그램 범위를 퍼진 정도에 맞춰 고릅니다: 가장 넓은 층의 제곱평균제곱근의 4배 (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>Unpin all</source>
        <translation>모두 고정 해제</translation>
    </message>
    <message>
        <source>Unpin every run (Ctrl+Shift+P)</source>
        <translation>모든 실행의 고정을 해제합니다 (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Pin this run, then change a control: both are drawn, on the same random draws.</source>
        <translation>이 실행을 고정하고 제어판을 바꿔 보세요. 같은 난수로 둘 다 그려집니다.</translation>
    </message>
    <message>
        <source>(controls)</source>
        <translation>(제어판)</translation>
    </message>
    <message>
        <source>{0}: the run of the controls, not pinned</source>
        <translation>{0}: 제어판의 실행, 고정하지 않음</translation>
    </message>
    <message>
        <source>Unpin {0}</source>
        <translation>{0} 고정 해제</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>비교(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Pin the current run</source>
        <translation>현재 실행 고정(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Unpin the last run</source>
        <translation>마지막 고정 해제(&amp;U)</translation>
    </message>
    <message>
        <source>Unpin &amp;all</source>
        <translation>모두 고정 해제(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Fit the x range to the runs</source>
        <translation>x 범위를 실행에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <source>Not pinned: {0}</source>
        <translation>고정하지 않음: {0}</translation>
    </message>
    <message>
        <source>At most {0} runs can be pinned: unpin one first (the × beside it, or Compare &gt; Unpin all).</source>
        <translation>실행은 {0}개까지만 고정할 수 있습니다. 먼저 하나를 해제하세요 (옆의 × 또는 비교 &gt; 모두 고정 해제).</translation>
    </message>
    <message>
        <source>Nothing to fit yet: no run has a finite layer.</source>
        <translation>아직 맞출 것이 없습니다: 유한한 값의 층이 있는 실행이 없습니다.</translation>
    </message>
    <message>
        <source>The pinned runs in the settings could not be read; none are pinned.</source>
        <translation>설정에 저장된 고정 실행을 읽지 못해 고정된 실행이 없습니다.</translation>
    </message>
    <message>
        <source>Settings: {0}</source>
        <translation>설정: {0}</translation>
    </message>
    <message>
        <source>&amp;Lecture</source>
        <translation>강의(&amp;L)</translation>
    </message>
    <message>
        <source>The lecture, step by step, full screen (PageDown / PageUp; Esc leaves)</source>
        <translation>강의를 단계별로 전체 화면에서 (PageDown / PageUp; Esc로 나가기)</translation>
    </message>
    <message>
        <source>Lecture &amp;handout (PDF)...</source>
        <translation>강의 유인물(PDF)(&amp;H)...</translation>
    </message>
    <message>
        <source>One page per lecture step: the figure, caption, formula and configuration</source>
        <translation>강의 단계마다 한 쪽: 그림, 설명, 수식, 구성</translation>
    </message>
    <message>
        <source>Lecture handout</source>
        <translation>강의 유인물</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 파일 (*.pdf)</translation>
    </message>
    <message>
        <source>The handout was not written: {0}</source>
        <translation>유인물을 쓰지 못했습니다: {0}</translation>
    </message>
    <message>
        <source>Handout written: {0}</source>
        <translation>유인물을 썼습니다: {0}</translation>
    </message>
    <message>
        <source> or </source>
        <extracomment>Bounds closer to 0 than this are 0 (the grid search of the saturation regions ends within a rounding of ReLU&apos;s kink).</extracomment>
        <translation> 또는 </translation>
    </message>
    <message>
        <source>saturated: the share of the layer&apos;s pre-activations z (all samples and units) where the slope |φ′(z)| is under {0} of the activation&apos;s largest slope, so almost no gradient passes</source>
        <translation>포화: 층의 사전 활성화값 z (모든 샘플과 뉴런) 중 기울기 |φ′(z)|가 활성화 함수의 최대 기울기의 {0} 미만이라 기울기가 거의 전달되지 않는 비율</translation>
    </message>
    <message>
        <source>; {0} has the same slope everywhere and never saturates.</source>
        <translation>; {0}는 어디서나 기울기가 같아 포화되지 않습니다.</translation>
    </message>
    <message>
        <source>; for {0} that is every negative input, so about 50% is normal.</source>
        <translation>; {0}에서는 음수 입력 전부이므로 50% 안팎이 정상입니다.</translation>
    </message>
    <message>
        <source>; for {0} that is {1}.</source>
        <translation>; {0}에서는 {1}입니다.</translation>
    </message>
    <message>
        <source>mean: the average of the layer&apos;s values over every sample and unit.</source>
        <translation>평균: 모든 샘플과 뉴런에 걸친 층 값의 평균.</translation>
    </message>
    <message>
        <source>std: the standard deviation of the layer&apos;s values over every sample and unit (population std, sqrt(mean((x - mean)²))).</source>
        <translation>σ: 모든 샘플과 뉴런에 걸친 층 값의 표준편차 (모표준편차, sqrt(mean((x - mean)²))).</translation>
    </message>
    <message>
        <source>pred.: the std the mean-field theory predicts for infinitely wide layers, from q_l = σ_w² E[φ(√q_(l-1) z)²] + σ_b² (Poole et al. 2016); far from the measured std when the layers are narrow for their depth.</source>
        <translation>예측: 층의 너비가 무한할 때 평균장 이론이 예측하는 표준편차, q_l = σ_w² E[φ(√q_(l-1) z)²] + σ_b² (Poole et al. 2016)에서 구합니다. 깊이에 비해 층이 좁으면 측정한 표준편차와 크게 다릅니다.</translation>
    </message>
    <message>
        <source>dead: the share of the layer&apos;s units that output exactly 0 for every sample of the batch; no gradient flows through them (a dying ReLU).</source>
        <translation>죽은: 배치의 모든 샘플에서 정확히 0을 내는 뉴런의 비율. 이 뉴런으로는 기울기가 흐르지 않습니다 (죽은 ReLU).</translation>
    </message>
    <message>
        <source>outside: the share of the layer&apos;s values beyond the histogram&apos;s range, counted but drawn in no bar (widen Range, or set it to auto).</source>
        <translation>범위 밖: 히스토그램 범위를 벗어난 층 값의 비율. 세기는 하지만 어느 막대에도 그리지 않습니다 (범위를 넓히거나 auto로 두세요).</translation>
    </message>
    <message>
        <source>non-finite: how many values are NaN or infinite (the run diverged).</source>
        <translation>inf·NaN: NaN이거나 무한대인 값의 개수 (실행이 발산함).</translation>
    </message>
    <message>
        <source>pred. = predicted std (mean-field)</source>
        <translation>예측 = 예측 표준편차 (평균장)</translation>
    </message>
    <message>
        <source>sat. = saturated: slope |φ′(z)| &lt; 5% of its peak</source>
        <translation>포화 = 기울기 |φ′(z)|가 최댓값의 5% 미만</translation>
    </message>
    <message>
        <source>dead = units at 0 for every sample</source>
        <translation>죽은 = 모든 샘플에서 0인 뉴런</translation>
    </message>
    <message>
        <source>outside = beyond the x range</source>
        <translation>범위 밖 = x 범위를 벗어난 값</translation>
    </message>
    <message>
        <source>{0}. Hover for more.</source>
        <translation>{0}. 마우스를 올리면 더 보입니다.</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>안내서(&amp;G)</translation>
    </message>
    <message>
        <source>The views, the numbers, the keys and the formulas with their sources</source>
        <translation>보기, 수, 단축키, 수식과 출처</translation>
    </message>
    <message>
        <source>&lt;b&gt;Layers side by side&lt;/b&gt; (the book&apos;s figure, Alt+2): one histogram per layer on one x range and y scale; under each, its statistics. The curve over the bars is the mean-field prediction.</source>
        <translation>&lt;b&gt;층별 나란히&lt;/b&gt; (책의 그림, Alt+2): 층마다 히스토그램 하나를 같은 x 범위와 y 축으로 그리고, 그 아래에 통계를 적습니다. 막대 위의 곡선은 평균장 예측입니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Deep view&lt;/b&gt; (Alt+3, used above 16 layers): every layer&apos;s histogram as one heat map (layer by value), the std against depth (measured solid, predicted dashed), the saturated and dead shares against depth, and one layer drawn large: click a layer to choose it.</source>
        <translation>&lt;b&gt;심층 보기&lt;/b&gt; (Alt+3, 16개 층을 넘으면 자동): 모든 층의 히스토그램을 한 장의 열지도(층 × 값)로, 깊이에 따른 표준편차(실선: 측정, 점선: 예측), 깊이에 따른 포화·죽은 뉴런 비율, 그리고 크게 그린 한 층. 층을 클릭해 고릅니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Symmetry view&lt;/b&gt; (Alt+4, used for equal weights): the first 64 samples by 64 units of a layer. With equal weights every column is the same: the layer has one distinct unit. With the backward pass on, Show: gradients draws dL/da the same way: every unit also gets the same gradient, so training can never make the units differ.</source>
        <translation>&lt;b&gt;대칭성 보기&lt;/b&gt; (Alt+4, 같은 가중치면 자동): 한 층의 처음 샘플 64개 × 뉴런 64개. 가중치가 모두 같으면 모든 열이 같아, 층에 서로 다른 뉴런이 하나뿐입니다. 역전파를 켜고 표시: 기울기를 고르면 dL/da도 같은 방식으로 그립니다. 모든 뉴런이 같은 기울기를 받으므로 학습으로도 뉴런들을 서로 다르게 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training&lt;/b&gt; (Alt+5): the network learns MNIST; loss and accuracy per run.</source>
        <translation>&lt;b&gt;학습&lt;/b&gt; (Alt+5): 신경망이 MNIST를 학습합니다. 실행마다 손실과 정확도.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Phase diagram&lt;/b&gt; (Alt+6): order and chaos of the mean-field theory; click the map to move the run.</source>
        <translation>&lt;b&gt;상 다이어그램&lt;/b&gt; (Alt+6): 평균장 이론의 질서와 혼돈. 지도를 클릭하면 실행이 그 점으로 옮겨 갑니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Show&lt;/b&gt; picks what the histograms count: activations a = φ(z), pre-activations z = xW + b, or, with the backward pass on, the gradients dL/da, dL/dz and dL/dW. &lt;b&gt;Pin&lt;/b&gt; keeps the current run on screen to compare it with the next ones (up to four).</source>
        <translation>&lt;b&gt;표시&lt;/b&gt;는 히스토그램이 셀 값을 고릅니다: 활성화값 a = φ(z), 사전 활성화값 z = xW + b, 역전파를 켜면 기울기 dL/da, dL/dz, dL/dW. &lt;b&gt;고정&lt;/b&gt;은 현재 실행을 화면에 남겨 다음 실행들과 비교하게 합니다 (최대 4개).</translation>
    </message>
    <message>
        <source>Number fields take formulas: 1/sqrt(100), 2/sqrt(100), sqrt(2/100); the value is shown beside the field. Hover over a bar for its bin, count and share; over a number for what it measures.</source>
        <translation>수 입력란에는 수식도 넣을 수 있습니다: 1/sqrt(100), 2/sqrt(100), sqrt(2/100). 계산된 값은 입력란 옆에 보입니다. 막대 위에 마우스를 올리면 구간, 개수, 비율이, 수 위에 올리면 그 수가 무엇을 재는지 보입니다.</translation>
    </message>
    <message>
        <source>distinct units: how many different functions the layer&apos;s units compute; units equal for every sample (within rounding) count as one, all dead units as one.</source>
        <translation>서로 다른 뉴런: 층의 뉴런들이 서로 다른 함수를 몇 개 계산하는가. 모든 샘플에서 (반올림 오차 안에서) 같은 뉴런은 하나로, 죽은 뉴런은 모두 합쳐 하나로 셉니다.</translation>
    </message>
    <message>
        <source>Saturation here is for {0}; the hover text names it for the run&apos;s activation.</source>
        <translation>여기의 포화는 {0} 기준입니다. 마우스를 올리면 실행의 활성화 함수 기준으로 알려 줍니다.</translation>
    </message>
    <message>
        <source>scheme</source>
        <translation>방식</translation>
    </message>
    <message>
        <source>formula</source>
        <translation>수식</translation>
    </message>
    <message>
        <source>source</source>
        <translation>출처</translation>
    </message>
    <message>
        <source>recommended gain</source>
        <translation>권장 gain</translation>
    </message>
    <message>
        <source>A layer&apos;s weights W have the shape (fan_in, fan_out): fan_in is the previous layer&apos;s width, the n of 1/√n. The book&apos;s &quot;Xavier&quot; is std 1/√fan_in (Keras calls it LeCun normal); Glorot &amp; Bengio&apos;s own is √(2/(fan_in + fan_out)); the two agree when the layers are equally wide. He&apos;s std is √(2/n); the lecture note&apos;s 2/√n doubles the variance of a ReLU layer at every layer.</source>
        <translation>층의 가중치 W의 모양은 (fan_in, fan_out)입니다. fan_in은 앞 층의 너비, 곧 1/√n의 n입니다. 책의 &quot;Xavier&quot;는 표준편차 1/√fan_in이고(Keras에서는 LeCun normal), Glorot &amp; Bengio의 원래 식은 √(2/(fan_in + fan_out))입니다. 층의 너비가 같으면 둘은 같습니다. He 초깃값의 표준편차는 √(2/n)이며, 강의 노트의 2/√n은 ReLU 층의 분산을 층마다 두 배로 만듭니다.</translation>
    </message>
    <message>
        <source>Mean-field prediction (Poole et al. 2016; Schoenholz et al. 2017): with weights of variance σ_w²/fan_in and biases of variance σ_b², the pre-activation variance of layer l is q_l = σ_w² E[φ(√q_(l-1) z)²] + σ_b², z ~ N(0, 1), computed by Gauss-Hermite quadrature; χ₁ = σ_w² E[φ′(√q* z)²] &lt; 1: signals and gradients fade (ordered), &gt; 1: they grow (chaotic).</source>
        <translation>평균장 예측 (Poole et al. 2016; Schoenholz et al. 2017): 가중치 분산이 σ_w²/fan_in이고 편향 분산이 σ_b²이면, l층 사전 활성화값의 분산은 q_l = σ_w² E[φ(√q_(l-1) z)²] + σ_b², z ~ N(0, 1)이며 가우스-에르미트 구적법으로 계산합니다. χ₁ = σ_w² E[φ′(√q* z)²] &lt; 1이면 신호와 기울기가 사라지고(질서), &gt; 1이면 커집니다(혼돈).</translation>
    </message>
    <message>
        <source>The keys work wherever the keyboard focus is, also in a number field.</source>
        <translation>단축키는 키보드 포커스가 어디에 있든, 수 입력란에서도 작동합니다.</translation>
    </message>
    <message>
        <source>key</source>
        <translation>키</translation>
    </message>
    <message>
        <source>action</source>
        <translation>동작</translation>
    </message>
    <message>
        <source>The views</source>
        <translation>보기</translation>
    </message>
    <message>
        <source>The numbers under each histogram</source>
        <translation>히스토그램 아래의 수</translation>
    </message>
    <message>
        <source>Formulas and their sources</source>
        <translation>수식과 출처</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>initviz shows how the initial weights shape what flows through a deep network: the values of every layer for one batch of inputs, before any training. Every change to a control reruns it.</source>
        <translation>initviz는 가중치 초깃값이 심층 신경망을 흐르는 값을 어떻게 바꾸는지 보여 줍니다: 학습 전, 입력 배치 하나에 대한 모든 층의 값. 제어판을 바꿀 때마다 다시 실행합니다.</translation>
    </message>
    <message>
        <source>Layer {0}, bin {1} of {2}: {3} to {4}</source>
        <extracomment>The words that start each statistic&apos;s line under a histogram, as drawn (translated).</extracomment>
        <translation>{0}층, 구간 {2}개 중 {1}번째: {3}에서 {4}까지</translation>
    </message>
    <message>
        <source>{0} values, {1} of the layer&apos;s {2}</source>
        <translation>값 {0}개, 층의 {2} 중 {1}</translation>
    </message>
    <message>
        <source>predicted: {0} (mean-field theory)</source>
        <translation>예측: {0} (평균장 이론)</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>측정</translation>
    </message>
    <message>
        <source>Colour: log10(1 + count)</source>
        <translation>색: log10(1 + 개수)</translation>
    </message>
    <message>
        <source>Layer {0}: std {1}, predicted {2}</source>
        <translation>{0}층: 표준편차 {1}, 예측 {2}</translation>
    </message>
    <message>
        <source>Layer {0}: saturated {1}, dead {2}</source>
        <translation>{0}층: 포화 {1}, 죽은 뉴런 {2}</translation>
    </message>
    <message>
        <source>A share of 0 is drawn at the bottom of the axis.</source>
        <translation>비율 0은 축의 맨 아래에 그립니다.</translation>
    </message>
    <message>
        <source>Distinct gradients among the first 64 units</source>
        <extracomment>The Show menu&apos;s quantities the view draws as gradients, and which corner each uses (the weight gradients have no sample axis: the view draws dL/da for them).</extracomment>
        <translation>처음 뉴런 64개 중 서로 다른 기울기</translation>
    </message>
    <message>
        <source>activation a = φ(z)</source>
        <translation>활성화값 a = φ(z)</translation>
    </message>
    <message>
        <source>Layer {0}: no gradients yet (turn on the backward pass)</source>
        <translation>{0}층: 아직 기울기가 없습니다 (역전파를 켜세요)</translation>
    </message>
    <message>
        <source>Layer {0}: every one of the first {1} units gets the same gradient: training cannot make them differ</source>
        <translation>{0}층: 처음 뉴런 {1}개가 모두 같은 기울기를 받습니다. 학습으로도 서로 다르게 만들 수 없습니다</translation>
    </message>
    <message>
        <source>Layer {0}: {1} distinct gradients among the first {2} units</source>
        <translation>{0}층: 처음 뉴런 {2}개 중 서로 다른 기울기 {1}개</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>The histogram experiment: 5 layers of 100 units, 1000 samples, weight std 1, 0.01, Xavier and He; the training comparison on MNIST.</source>
        <translation>히스토그램 실험: 뉴런 100개짜리 층 5개, 샘플 1000개, 가중치 표준편차 1, 0.01, Xavier, He; MNIST 학습 비교.</translation>
    </message>
    <message>
        <source>The training data: a separately licensed file under CC BY-SA 3.0 (resources/data/NOTICE).</source>
        <translation>학습 데이터: CC BY-SA 3.0 라이선스를 따로 따르는 파일입니다 (resources/data/NOTICE).</translation>
    </message>
    <message>
        <source>Weights of std 1/sqrt(fan_in) (LeCun normal).</source>
        <translation>표준편차 1/sqrt(fan_in)인 가중치 (LeCun 정규분포).</translation>
    </message>
    <message>
        <source>Xavier/Glorot initialization: std sqrt(2/(fan_in + fan_out)); saturated sigmoid layers.</source>
        <translation>Xavier/Glorot 초깃값: 표준편차 sqrt(2/(fan_in + fan_out)); 포화된 시그모이드 층.</translation>
    </message>
    <message>
        <source>He (MSRA) initialization for ReLU: std sqrt(2/fan_in).</source>
        <translation>ReLU를 위한 He(MSRA) 초깃값: 표준편차 sqrt(2/fan_in).</translation>
    </message>
    <message>
        <source>Orthogonal initialization.</source>
        <translation>직교 초깃값.</translation>
    </message>
    <message>
        <source>LSUV: layer-sequential unit-variance initialization.</source>
        <translation>LSUV: 층마다 차례로 분산을 1로 맞추는 가중치 초기화.</translation>
    </message>
    <message>
        <source>The mean-field prediction of every layer&apos;s variance.</source>
        <translation>모든 층의 분산에 대한 평균장 예측.</translation>
    </message>
    <message>
        <source>Order, chaos and the edge of chaos; how deep signals and gradients can travel.</source>
        <translation>질서, 혼돈, 혼돈의 경계; 신호와 기울기가 얼마나 깊이 전달되는가.</translation>
    </message>
    <message>
        <source>SELU and its LeCun-normal initialization.</source>
        <translation>SELU와 LeCun 정규분포 초깃값.</translation>
    </message>
    <message>
        <source>The tanh experiment: 10 layers of 500 units, per-layer mean, std and histograms.</source>
        <translation>tanh 실험: 뉴런 500개짜리 층 10개, 층별 평균, 표준편차, 히스토그램.</translation>
    </message>
    <message>
        <source>See how weight initialization shapes the activations and gradients of a deep network, layer by layer.</source>
        <translation>가중치 초기화가 심층 신경망의 활성화값과 기울기를 층마다 어떻게 바꾸는지 봅니다.</translation>
    </message>
    <message>
        <source>Free software under the MIT License.</source>
        <translation>MIT 라이선스를 따르는 자유 소프트웨어입니다.</translation>
    </message>
    <message>
        <source>the initviz authors</source>
        <translation>initviz 저자들</translation>
    </message>
    <message>
        <source>Built with Qt (PySide6, LGPLv3), pyqtgraph and NumPy.</source>
        <translation>Qt(PySide6, LGPLv3), pyqtgraph, NumPy로 만들었습니다.</translation>
    </message>
    <message>
        <source>Korean text uses Noto Sans CJK KR (a subset; © 2014-2021 Adobe), under the SIL Open Font License 1.1 (resources/fonts/OFL.txt).</source>
        <translation>한국어 글꼴은 Noto Sans CJK KR(일부만 담음; © 2014-2021 Adobe)이며 SIL Open Font License 1.1을 따릅니다 (resources/fonts/OFL.txt).</translation>
    </message>
    <message>
        <source>Credits for the ideas shown</source>
        <translation>보여 주는 아이디어의 출처</translation>
    </message>
    <message>
        <source>License</source>
        <translation>라이선스</translation>
    </message>
    <message>
        <source>About initviz</source>
        <translation>initviz 정보</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <source>The activation phi applied after every layer: a = phi(x W + b)</source>
        <translation>모든 층 뒤에 적용하는 활성화 함수 phi: a = phi(x W + b)</translation>
    </message>
    <message>
        <source>activation parameter</source>
        <translation>활성화 함수 매개변수</translation>
    </message>
    <message>
        <source>How each layer&apos;s weight matrix W (fan_in x fan_out) is drawn</source>
        <translation>각 층의 가중치 행렬 W (fan_in x fan_out)를 뽑는 방법</translation>
    </message>
    <message>
        <source>Number of layers</source>
        <translation>층의 수</translation>
    </message>
    <message>
        <source>Units per layer (the n of 1/sqrt(n))</source>
        <translation>층마다 뉴런 수 (1/sqrt(n)의 n)</translation>
    </message>
    <message>
        <source>Input features: the fan_in of layer 1</source>
        <translation>입력 특성 수: 1층의 fan_in</translation>
    </message>
    <message>
        <source>Rows of the input batch</source>
        <translation>입력 배치의 행 수</translation>
    </message>
    <message>
        <source>Histogram bins (the book uses 30)</source>
        <translation>히스토그램 구간 수 (책은 30)</translation>
    </message>
    <message>
        <source>Histogram range LOW, HIGH, or auto (the book: 0, 1 for every activation)</source>
        <translation>히스토그램 범위 LOW, HIGH 또는 auto (책: 모든 활성화값에 0, 1)</translation>
    </message>
    <message>
        <source>Seed of the random draws: same seed, same figure</source>
        <translation>난수 시드: 시드가 같으면 그림도 같습니다</translation>
    </message>
    <message>
        <source>New seed</source>
        <translation>새 시드</translation>
    </message>
    <message>
        <source>Draw new inputs and weights</source>
        <translation>입력과 가중치를 새로 뽑습니다</translation>
    </message>
    <message>
        <source>Floating-point precision of the simulation</source>
        <translation>시뮬레이션의 부동소수점 정밀도</translation>
    </message>
    <message>
        <source>normal N(0, 1)</source>
        <translation>정규분포 N(0, 1)</translation>
    </message>
    <message>
        <source>uniform U(-1, 1)</source>
        <translation>균등분포 U(-1, 1)</translation>
    </message>
    <message>
        <source>Distribution of the input batch</source>
        <translation>입력 배치의 분포</translation>
    </message>
    <message>
        <source>bias std</source>
        <translation>편향 표준편차</translation>
    </message>
    <message>
        <source>Biases b ~ N(0, sigma_b^2); 0: no bias (the book has none)</source>
        <translation>편향 b ~ N(0, sigma_b^2); 0: 편향 없음 (책에는 없음)</translation>
    </message>
    <message>
        <source>Backward pass (gradients)</source>
        <translation>역전파 (기울기)</translation>
    </message>
    <message>
        <source>Back-propagate g ~ N(0, 1) from the top: dL/da and dL/dW = a_prev^T (dL/da * phi&apos;(z)) per layer</source>
        <translation>맨 위에서 g ~ N(0, 1)을 역전파합니다: 층마다 dL/da와 dL/dW = a_prev^T (dL/da * phi&apos;(z))</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Initialization</source>
        <translation>가중치 초깃값</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>깊이</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>너비</translation>
    </message>
    <message>
        <source>Bias std</source>
        <translation>편향 표준편차</translation>
    </message>
    <message>
        <source>Data and histograms</source>
        <translation>데이터와 히스토그램</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>샘플 수</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>특성 수</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>구간 수</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>범위</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <source>Seed and precision</source>
        <translation>시드와 정밀도</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Open configuration</source>
        <translation>구성 열기</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>This configuration cannot be used: {0}</source>
        <translation>이 구성은 쓸 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>Save configuration</source>
        <translation>구성 저장</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>화면 내보내기</translation>
    </message>
    <message>
        <source>Export numbers</source>
        <translation>수치 내보내기</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Item to export:</source>
        <translation>내보낼 항목:</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>내보내기 형식</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Export options</source>
        <translation>내보내기 옵션</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>PyQtGraph</source>
        <translation>PyQtGraph</translation>
    </message>
    <message>
        <source>Link Axis:</source>
        <translation>축 연결:</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Links this axis with another view. When linked, both views will display the same data range.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;이 축을 다른 보기와 연결합니다. 연결하면 두 보기가 같은 데이터 범위를 보여 줍니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Percent of data to be visible when auto-scaling. It may be useful to decrease this value for data with spiky noise.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;자동 배율에서 보이게 할 데이터의 백분율. 뾰족한 잡음이 있는 데이터라면 줄이는 것이 좋습니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Automatically resize this axis whenever the displayed data is changed.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;표시한 데이터가 바뀔 때마다 이 축의 범위를 자동으로 맞춥니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Set the range for this axis manually. This disables automatic scaling. &lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;이 축의 범위를 직접 정합니다. 자동 배율은 꺼집니다. &lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>수동</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Minimum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;이 축에 표시할 최솟값.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Maximum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;이 축에 표시할 최댓값.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Inverts the display of this axis. (+y points downward instead of upward)&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;이 축을 뒤집어 표시합니다. (+y가 위 대신 아래를 향함)&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Invert Axis</source>
        <translation>축 뒤집기</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Enables mouse interaction (panning, scaling) for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;이 축에서 마우스 조작(이동, 확대/축소)을 켭니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Mouse Enabled</source>
        <translation>마우스 사용</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will only auto-scale to data that is visible along the orthogonal axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;선택하면 수직인 축에서 보이는 데이터에만 맞춰 자동 배율을 정합니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Visible Data Only</source>
        <translation>보이는 데이터만</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will automatically pan to center on the current data, but the scale along this axis will not change.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;선택하면 축이 현재 데이터를 가운데에 두도록 자동으로 이동하지만, 이 축의 배율은 바뀌지 않습니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Auto Pan Only</source>
        <translation>자동 이동만</translation>
    </message>
    <message>
        <source>Display averages of the curves displayed in this plot. The parameter list allows you to choose parameters to average over (if any are available).</source>
        <translation>이 그래프에 표시한 곡선들의 평균을 보여 줍니다. 매개변수 목록에서 평균을 낼 매개변수를 고를 수 있습니다(있는 경우).</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>평균</translation>
    </message>
    <message>
        <source>Plot only the portion of each curve that is visible. This assumes X values are uniformly spaced.</source>
        <translation>각 곡선에서 보이는 부분만 그립니다. X 값이 고르게 떨어져 있다고 가정합니다.</translation>
    </message>
    <message>
        <source>Clip to View</source>
        <translation>보이는 부분만 그리기</translation>
    </message>
    <message>
        <source>If multiple curves are displayed in this plot, check this box to limit the number of traces that are displayed.</source>
        <translation>이 그래프에 곡선이 여러 개라면, 이 상자를 선택해 표시할 곡선 수를 제한합니다.</translation>
    </message>
    <message>
        <source>Max Traces:</source>
        <translation>최대 곡선 수:</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>다운샘플링</translation>
    </message>
    <message>
        <source>Downsample by drawing a saw wave that follows the min and max of the original data. This method produces the best visual representation of the data but is slower.</source>
        <translation>원래 데이터의 최솟값과 최댓값을 따르는 톱니파를 그려 다운샘플링합니다. 가장 충실하게 보이지만 느립니다.</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>최고점</translation>
    </message>
    <message>
        <source>If multiple curves are displayed in this plot, check &quot;Max Traces&quot; and set this value to limit the number of traces that are displayed.</source>
        <translation>이 그래프에 곡선이 여러 개라면, &quot;최대 곡선 수&quot;를 선택하고 이 값을 정해 표시할 곡선 수를 제한합니다.</translation>
    </message>
    <message>
        <source>If MaxTraces is checked, remove curves from memory after they are hidden (saves memory, but traces can not be un-hidden).</source>
        <translation>최대 곡선 수를 선택했다면, 숨긴 곡선을 메모리에서 지웁니다 (메모리를 아끼지만 다시 보이게 할 수 없습니다).</translation>
    </message>
    <message>
        <source>Forget hidden traces</source>
        <translation>숨긴 곡선 잊기</translation>
    </message>
    <message>
        <source>Downsample by taking the mean of N samples.</source>
        <translation>N개 샘플의 평균을 취해 다운샘플링합니다.</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>평균</translation>
    </message>
    <message>
        <source>Downsample by taking the first of N samples. This method is fastest and least accurate.</source>
        <translation>N개 샘플 중 첫 번째를 취해 다운샘플링합니다. 가장 빠르지만 가장 부정확합니다.</translation>
    </message>
    <message>
        <source>Subsample</source>
        <translation>부분 추출</translation>
    </message>
    <message>
        <source>Automatically downsample data based on the visible range. This assumes X values are uniformly spaced.</source>
        <translation>보이는 범위에 맞춰 데이터를 자동으로 다운샘플링합니다. X 값이 고르게 떨어져 있다고 가정합니다.</translation>
    </message>
    <message>
        <source>Downsample data before plotting. (plot every Nth sample)</source>
        <translation>그리기 전에 데이터를 다운샘플링합니다. (N번째 샘플마다 그림)</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>Log X</source>
        <translation>로그 X</translation>
    </message>
    <message>
        <source>dy/dx</source>
        <translation>dy/dx</translation>
    </message>
    <message>
        <source>Y vs. Y&apos;</source>
        <translation>Y 대 Y&apos;</translation>
    </message>
    <message>
        <source>Power Spectrum (FFT)</source>
        <translation>파워 스펙트럼 (FFT)</translation>
    </message>
    <message>
        <source>Log Y</source>
        <translation>로그 Y</translation>
    </message>
    <message>
        <source>Subtract Mean</source>
        <translation>평균 빼기</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>점</translation>
    </message>
    <message>
        <source>Show X Grid</source>
        <translation>X 격자 보이기</translation>
    </message>
    <message>
        <source>Show Y Grid</source>
        <translation>Y 격자 보이기</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>불투명도</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>투명도</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>내보내기...</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>initviz guide</source>
        <translation>initviz 안내서</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>initviz: weight initialization, layer by layer</source>
        <extracomment>Milliseconds between a control change and the rerun it causes. Milliseconds between two redraws while results stream in: at least REDRAW_MS, at most MAX_REDRAW_MS, else PAINT_SHARE times what a redraw and its repaints cost. Minimum width of the control panel, in pixels.</extracomment>
        <translation>initviz: 층마다 보는 가중치 초기화</translation>
    </message>
    <message>
        <source>Layer {0}</source>
        <translation>{0}층</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>Not run: {0}</source>
        <translation>실행하지 않음: {0}</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>측정</translation>
    </message>
    <message>
        <source>Starting...</source>
        <translation>시작하는 중...</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>취소하는 중...</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>순전파</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>역전파</translation>
    </message>
    <message>
        <source>{0}: layer {1} of {2}</source>
        <translation>{0}: {2}개 층 중 {1}층</translation>
    </message>
    <message>
        <source>Diverged at layer {0} (non-finite values)</source>
        <translation>{0}층에서 발산 (inf 또는 NaN 값)</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Finished in {0:.2f} s</source>
        <translation>{0:.2f}초 만에 끝남</translation>
    </message>
    <message>
        <source>Refused for memory: {0}</source>
        <translation>메모리 때문에 거부됨: {0}</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>The simulation failed: {0}</source>
        <translation>시뮬레이션이 실패했습니다: {0}</translation>
    </message>
    <message>
        <source>{0:.1f} s</source>
        <translation>{0:.1f}초</translation>
    </message>
    <message>
        <source>About initviz</source>
        <translation>initviz 정보</translation>
    </message>
    <message>
        <source>initviz {0}</source>
        <translation>initviz {0}</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>number or formula</source>
        <extracomment>The frame of a field holding a bad value (Okabe-Ito vermillion: seen by everyone).</extracomment>
        <translation>수 또는 수식</translation>
    </message>
</context>
<context>
    <name>PageBar</name>
    <message>
        <source>Previous layers</source>
        <translation>이전 층들</translation>
    </message>
    <message>
        <source>Next layers</source>
        <translation>다음 층들</translation>
    </message>
</context>
<context>
    <name>PhaseView</name>
    <message>
        <source>log₁₀ χ₁</source>
        <extracomment>The correlation of the input pairs the view asks for, until the user picks another: two nearby inputs, which the chaotic phase pulls apart and the ordered one together. Below this width (pixels) the run&apos;s plots go under the map instead of beside it.</extracomment>
        <translation>log₁₀ χ₁</translation>
    </message>
    <message>
        <source>ξ_c (depth scale)</source>
        <translation>ξ_c (깊이 척도)</translation>
    </message>
    <message>
        <source>χ₁ = σ_w² E[φ′(√q* z)²]: the factor by which gradients grow (&gt; 1) or fade (&lt; 1) per layer (Schoenholz et al. 2017)
ξ_c = −1/ln(slope of the correlation map at c*): the layers over which two inputs&apos; correlation settles</source>
        <translation>χ₁ = σ_w² E[φ′(√q* z)²]: 기울기가 층마다 커지거나(&gt; 1) 작아지는(&lt; 1) 배율 (Schoenholz et al. 2017)
ξ_c = −1/ln(c*에서 상관 사상의 기울기): 두 입력의 상관계수가 자리 잡기까지 걸리는 층 수</translation>
    </message>
    <message>
        <source>The runs feed pairs of inputs with this correlation and follow it through depth (the lowest plot on the right)</source>
        <translation>이 상관계수를 갖는 입력 쌍을 넣고 깊이에 따라 추적합니다 (오른쪽 맨 아래 그래프)</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>색</translation>
    </message>
    <message>
        <source>Pairs c₀</source>
        <translation>쌍 c₀</translation>
    </message>
    <message>
        <source>&lt;b&gt;━&lt;/b&gt; critical line χ₁ = 1 (★ at σ_b² = 0) &amp;nbsp; &lt;span style=&apos;color:{0}&apos;&gt;&lt;b&gt;┅&lt;/b&gt;&lt;/span&gt; depth = 6 ξ_c &amp;nbsp; &lt;span style=&apos;color:{0}&apos;&gt;●&lt;/span&gt; this run &amp;nbsp; ◇ schemes (σ_b² = 0)</source>
        <translation>&lt;b&gt;━&lt;/b&gt; 임계선 χ₁ = 1 (★: σ_b² = 0) &amp;nbsp; &lt;span style=&apos;color:{0}&apos;&gt;&lt;b&gt;┅&lt;/b&gt;&lt;/span&gt; 깊이 = 6 ξ_c &amp;nbsp; &lt;span style=&apos;color:{0}&apos;&gt;●&lt;/span&gt; 이 실행 &amp;nbsp; ◇ 초깃값 (σ_b² = 0)</translation>
    </message>
    <message>
        <source>A network deeper than 6 ξ_c trains only on the critical line&apos;s side of the dashed curve (Schoenholz et al. 2017). The schemes are drawn without biases, as published.</source>
        <translation>깊이가 6 ξ_c보다 깊은 신경망은 점선 곡선의 임계선 쪽에서만 학습됩니다 (Schoenholz et al. 2017). 초깃값들은 논문대로 편향 없이 그렸습니다.</translation>
    </message>
    <message>
        <source>The map could not be computed: {0}</source>
        <translation>지도를 계산하지 못했습니다: {0}</translation>
    </message>
    <message>
        <source>Computing the phase diagram of {0}...</source>
        <translation>{0}의 상 다이어그램을 계산하는 중...</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>여기</translation>
    </message>
    <message>
        <source>This run</source>
        <translation>이 실행</translation>
    </message>
    <message>
        <source>{0}: σ_w² = {1}, σ_b² = {2}: &lt;b&gt;{3}&lt;/b&gt; · q* {4} · χ₁ {5} · c* {6} · ξ_c {7}</source>
        <translation>{0}: σ_w² = {1}, σ_b² = {2}: &lt;b&gt;{3}&lt;/b&gt; · q* {4} · χ₁ {5} · c* {6} · ξ_c {7}</translation>
    </message>
    <message>
        <source>{0}: σ_w² = {1}, σ_b² = {2} (off the map)</source>
        <translation>{0}: σ_w² = {1}, σ_b² = {2} (지도 밖)</translation>
    </message>
</context>
<context>
    <name>PlotItem</name>
    <message>
        <source>Transforms</source>
        <translation>변환</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>다운샘플링</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>평균</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>투명도</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>격자</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>점</translation>
    </message>
    <message>
        <source>Plot Options</source>
        <translation>그래프 옵션</translation>
    </message>
</context>
<context>
    <name>PngOptions</name>
    <message>
        <source>Export view as PNG</source>
        <translation>화면을 PNG로 내보내기</translation>
    </message>
    <message>
        <source>Times the view&apos;s size on screen; text and lines are redrawn sharp</source>
        <translation>화면에 보이는 크기의 배수. 글자와 선은 선명하게 다시 그립니다</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Width of the image; the height follows the view&apos;s shape</source>
        <translation>이미지의 너비. 높이는 화면의 모양을 따릅니다</translation>
    </message>
    <message>
        <source>Title and configuration footer</source>
        <translation>제목과 구성 바닥글</translation>
    </message>
    <message>
        <source>A title above the figure and a line under it naming the activation, the scheme with its formula, depth, width and seed</source>
        <translation>그림 위에 제목을, 아래에 활성화 함수, 초깃값 방식과 수식, 깊이, 너비, 시드를 적은 줄을 넣습니다</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>배율</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>너비</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>{0} x {1} pixels</source>
        <translation>{0} x {1} 픽셀</translation>
    </message>
</context>
<context>
    <name>Presenting</name>
    <message>
        <source>Control &amp;panel</source>
        <translation>제어판(&amp;P)</translation>
    </message>
    <message>
        <source>Hide the control panel so that the figure gets the whole window</source>
        <translation>제어판을 숨겨 그림이 창 전체를 쓰게 합니다</translation>
    </message>
</context>
<context>
    <name>SymmetryView</name>
    <message>
        <source>The layer whose units are drawn</source>
        <translation>뉴런을 그릴 층</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>층:</translation>
    </message>
    <message>
        <source>Units of one layer</source>
        <translation>한 층의 뉴런</translation>
    </message>
    <message>
        <source>Distinct units</source>
        <translation>서로 다른 뉴런</translation>
    </message>
    <message>
        <source>unit (neuron)</source>
        <translation>뉴런</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>샘플</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>distinct units (log)</source>
        <translation>서로 다른 뉴런 (로그)</translation>
    </message>
    <message>
        <source>Distinct units per layer</source>
        <translation>층별 서로 다른 뉴런 수</translation>
    </message>
    <message>
        <source>{0}: layer {1}</source>
        <translation>{0}: {1}층</translation>
    </message>
    <message>
        <source>Layer {0}: waiting for the run</source>
        <translation>{0}층: 실행을 기다리는 중</translation>
    </message>
    <message>
        <source>Layer {0}: {1} samples x {2} units</source>
        <translation>{0}층: 샘플 {1}개 x 뉴런 {2}개</translation>
    </message>
    <message>
        <source>Layer {0}: {1} distinct unit of {2}: every neuron computes the same function</source>
        <translation>{0}층: 뉴런 {2}개 중 서로 다른 뉴런 {1}개: 모든 뉴런이 같은 함수를 계산합니다</translation>
    </message>
    <message>
        <source>Layer {0}: {1} distinct units of {2}</source>
        <translation>{0}층: 뉴런 {2}개 중 서로 다른 뉴런 {1}개</translation>
    </message>
    <message>
        <source>Layer {0}, distinct units: {1}</source>
        <translation>{0}층, 서로 다른 뉴런: {1}</translation>
    </message>
</context>
<context>
    <name>TextZoom</name>
    <message>
        <source>&amp;Larger text</source>
        <extracomment>The settings key of the zoom.</extracomment>
        <translation>글자 크게(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>글자 작게(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Actual text size</source>
        <translation>원래 글자 크기(&amp;A)</translation>
    </message>
</context>
<context>
    <name>TrainingView</name>
    <message>
        <source>SGD (the book&apos;s)</source>
        <extracomment>Milliseconds between redraws while results stream in, at least; more when a redraw is costly (PAINT_SHARE times what it took), so that the GUI thread stays mostly idle. Records per run: the iterations are recorded every iterations / RECORDS. The view&apos;s own controls changed: the window retrains (debounced).</extracomment>
        <translation>SGD (책)</translation>
    </message>
    <message>
        <source>Momentum 0.9</source>
        <translation>모멘텀 0.9</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Step size of each update (the book: 0.01)</source>
        <translation>갱신 한 번의 보폭 (책: 0.01)</translation>
    </message>
    <message>
        <source>Images per minibatch, drawn with replacement (the book: 128)</source>
        <translation>미니배치당 이미지 수, 복원 추출 (책: 128)</translation>
    </message>
    <message>
        <source>Updates per run (the book: 2000)</source>
        <translation>실행당 갱신 횟수 (책: 2000)</translation>
    </message>
    <message>
        <source>MNIST, 5,000 images</source>
        <translation>MNIST, 이미지 5,000장</translation>
    </message>
    <message>
        <source>Open a .npz file...</source>
        <translation>.npz 파일 열기...</translation>
    </message>
    <message>
        <source>MNIST (LeCun &amp; Cortes, CC BY-SA 3.0), shipped with the app; or your own .npz with x and y (samples x features, labels 0 to classes - 1)</source>
        <translation>앱에 들어 있는 MNIST (LeCun &amp; Cortes, CC BY-SA 3.0), 또는 x와 y가 든 직접 만든 .npz (샘플 x 특성, 레이블 0부터 클래스 수 - 1까지)</translation>
    </message>
    <message>
        <source>Log loss</source>
        <translation>로그 손실</translation>
    </message>
    <message>
        <source>The loss on a logarithmic axis</source>
        <translation>손실을 로그 축으로</translation>
    </message>
    <message>
        <source>Train again</source>
        <translation>다시 학습</translation>
    </message>
    <message>
        <source>Final loss: the mean of the last 100 minibatch losses. Held-out accuracy: on the images the network never trains on.</source>
        <translation>최종 손실: 마지막 미니배치 100개 손실의 평균. 시험 데이터 정확도: 신경망이 학습에 쓰지 않은 이미지에서 잰 정확도.</translation>
    </message>
    <message>
        <source>Thin: each minibatch&apos;s loss; thick: smoothed as the book (Kaiser window, 11 points, β = 2); dashed: ln 10, a uniform guess.</source>
        <translation>가는 선: 미니배치마다의 손실; 굵은 선: 책처럼 평활화 (Kaiser 창, 11점, β = 2); 점선: ln 10, 무작위 추측.</translation>
    </message>
    <message>
        <source>The run whose hidden layers are drawn below, at the iteration the slider picks</source>
        <translation>아래에 은닉층을 그릴 실행 (슬라이더로 고른 반복 시점)</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>활성화값</translation>
    </message>
    <message>
        <source>Pre-activations</source>
        <translation>사전 활성화값</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>기울기</translation>
    </message>
    <message>
        <source>Weight gradients</source>
        <translation>가중치 기울기</translation>
    </message>
    <message>
        <source>Gradients dL/dz</source>
        <translation>기울기 dL/dz</translation>
    </message>
    <message>
        <source>What the histograms count, on the first 1,000 held-out images; gradients of their mean loss</source>
        <translation>히스토그램이 세는 값 (시험 이미지 처음 1,000장; 기울기는 평균 손실의 기울기)</translation>
    </message>
    <message>
        <source>The recorded iteration whose histograms are drawn</source>
        <translation>히스토그램을 그릴 기록된 반복 시점</translation>
    </message>
    <message>
        <source>iteration {0}</source>
        <translation>반복 {0}</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>최적화 기법</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>반복 횟수</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Not trained: {0}</source>
        <translation>학습하지 않음: {0}</translation>
    </message>
    <message>
        <source>Open training data</source>
        <translation>학습 데이터 열기</translation>
    </message>
    <message>
        <source>NumPy (*.npz)</source>
        <translation>NumPy (*.npz)</translation>
    </message>
    <message>
        <source>This file cannot be used: {0}</source>
        <translation>이 파일은 쓸 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>{0}: {1} images</source>
        <translation>{0}: 이미지 {1}장</translation>
    </message>
    <message>
        <source>Training, iteration {0} of {1} ({2}, {3:.1f} s)</source>
        <translation>학습 중, 반복 {1}회 중 {0}회 ({2}, {3:.1f}초)</translation>
    </message>
    <message>
        <source>{0}: {1} of {2}</source>
        <translation>{0}: {2} 중 {1}</translation>
    </message>
    <message>
        <source>{0}: diverged at iteration {1}</source>
        <translation>{0}: 반복 {1}에서 발산</translation>
    </message>
    <message>
        <source>{0}: cancelled at {1}</source>
        <translation>{0}: {1}에서 취소됨</translation>
    </message>
    <message>
        <source>{0}: {1:.2f}, {2:.1%}</source>
        <translation>{0}: {1:.2f}, {2:.1%}</translation>
    </message>
    <message>
        <source>{0} (final loss, held-out accuracy; {1:.1f} s)</source>
        <translation>{0} (최종 손실, 시험 데이터 정확도; {1:.1f}초)</translation>
    </message>
</context>
<context>
    <name>ViewArea</name>
    <message>
        <source>Automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>Layers side by side</source>
        <translation>층별 나란히</translation>
    </message>
    <message>
        <source>Deep view</source>
        <translation>심층 보기</translation>
    </message>
    <message>
        <source>Symmetry</source>
        <translation>대칭성</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Phase diagram</source>
        <translation>상 다이어그램</translation>
    </message>
    <message>
        <source>Automatic: side by side up to {0} layers, the deep view beyond, the symmetry view for equal weights</source>
        <translation>자동: {0}개 층까지는 층별 나란히, 그보다 깊으면 심층 보기, 같은 가중치면 대칭성 보기</translation>
    </message>
    <message>
        <source>Activations a = phi(z)</source>
        <translation>활성화값 a = phi(z)</translation>
    </message>
    <message>
        <source>Pre-activations z = xW + b</source>
        <translation>사전 활성화값 z = xW + b</translation>
    </message>
    <message>
        <source>Gradients dL/da</source>
        <translation>기울기 dL/da</translation>
    </message>
    <message>
        <source>Gradients dL/dz (pre-activations)</source>
        <translation>기울기 dL/dz (사전 활성화값)</translation>
    </message>
    <message>
        <source>Weight gradients dL/dW</source>
        <translation>가중치 기울기 dL/dW</translation>
    </message>
    <message>
        <source>What the histograms count (gradients need the backward pass)</source>
        <translation>히스토그램이 세는 값 (기울기는 역전파가 필요)</translation>
    </message>
    <message>
        <source>Log y</source>
        <translation>로그 y</translation>
    </message>
    <message>
        <source>Counts on a logarithmic axis</source>
        <translation>개수를 로그 축으로</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>Mean-field prediction (Poole et al. 2016): q_l = sigma_w^2 E[phi(sqrt(q_(l-1)) z)^2] + sigma_b^2</source>
        <translation>평균장 예측 (Poole et al. 2016): q_l = sigma_w^2 E[phi(sqrt(q_(l-1)) z)^2] + sigma_b^2</translation>
    </message>
    <message>
        <source>View</source>
        <translation>보기</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>표시</translation>
    </message>
</context>
<context>
    <name>ViewBox</name>
    <message>
        <source>ViewBox options</source>
        <translation>보기 상자 옵션</translation>
    </message>
    <message>
        <source>View All</source>
        <translation>전체 보기</translation>
    </message>
    <message>
        <source>Mouse Mode</source>
        <translation>마우스 모드</translation>
    </message>
    <message>
        <source>3 button</source>
        <translation>버튼 3개</translation>
    </message>
    <message>
        <source>1 button</source>
        <translation>버튼 1개</translation>
    </message>
    <message>
        <source>axis</source>
        <translation>축</translation>
    </message>
</context>
</TS>
